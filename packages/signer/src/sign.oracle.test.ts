import { describe, expect, it } from 'vitest';
import { sign } from './index.ts';
import { generateRequest } from './testing/request-generator.ts';
import { Rng } from './testing/rng.ts';
import { sdkAuthorization } from './testing/sdk-oracle.ts';

const CASES = 1500;

describe('sign agrees with the provider SDK (AKSKSigner)', () => {
  it(`produces the SDK's Authorization on ${CASES} generated requests`, () => {
    const rng = new Rng(20240611);
    const coverage = { token: 0, projectId: 0, emptyBody: 0, jsonBody: 0, bytesBody: 0, query: 0, repeatedKey: 0, unicodePath: 0, extraSigned: 0 };
    for (let i = 0; i < CASES; i++) {
      const g = generateRequest(rng);
      const ours = sign({ method: g.method, url: g.url, headers: g.headers, body: g.body }, g.creds, {
        now: g.now,
        signedHeaders: g.signedHeadersOpt,
      });
      const context = `case ${i}: ${g.method} ${g.url}`;
      expect(ours['X-Sdk-Date'], context).toBe(g.sdkDate);
      expect(ours.Authorization, context).toBe(sdkAuthorization(g));
      expect(ours['X-Security-Token'], context).toBe(g.creds.securityToken);

      if (g.creds.securityToken) coverage.token++;
      if (g.signedValues.has('x-project-id')) coverage.projectId++;
      if (g.body.length === 0) coverage.emptyBody++;
      else if (typeof g.body === 'string') coverage.jsonBody++;
      else coverage.bytesBody++;
      if (g.query.length > 0) coverage.query++;
      if (new Set(g.query.map(([k]) => k)).size < g.query.length) coverage.repeatedKey++;
      if (/[^\x20-\x7e]/.test(g.decodedPath)) coverage.unicodePath++;
      if (g.signedHeadersOpt.length > 0) coverage.extraSigned++;
    }
    // The generator must really have produced the variety the comparison claims to cover.
    for (const [what, count] of Object.entries(coverage)) expect(count, what).toBeGreaterThan(CASES / 20);
  });
});
