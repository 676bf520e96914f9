import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalRequest, parseSdkDate, sign, verify } from './index.ts';
import type { Credentials, SignableRequest } from './index.ts';
import { generateRequest } from './testing/request-generator.ts';
import { Rng } from './testing/rng.ts';

const SK = 'sEcReT/sk+value=MFyfvK41ba2giqM7Uio6';
const TOKEN = 'temporary-security-token-value-XYZ';
const creds: Credentials = { ak: 'AKEXAMPLE000000000001', sk: SK };
const NOW = new Date(Date.UTC(2024, 5, 1, 12, 0, 0, 250));
const base: SignableRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:4010/v2.0/p1/datasource/enhanced-connections',
  headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p1', 'User-Agent': 'console/1.0' },
  body: '{"name":"c1"}',
};

const signedNames = (authorization: string | undefined) => /SignedHeaders=([^,]+),/.exec(authorization ?? '')?.[1];

describe('sign', () => {
  it('returns X-Sdk-Date and Authorization, signing host, content-type, x-project-id and x-sdk-date', () => {
    const added = sign(base, creds, { now: NOW });
    expect(Object.keys(added)).toEqual(['X-Sdk-Date', 'Authorization']);
    expect(added['X-Sdk-Date']).toBe('20240601T120000Z');
    expect(added.Authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKEXAMPLE000000000001, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/);
    expect(signedNames(added.Authorization)).toBe('content-type;host;x-project-id;x-sdk-date');
  });

  it('adds and signs X-Security-Token for temporary credentials', () => {
    const added = sign(base, { ...creds, securityToken: TOKEN }, { now: NOW });
    expect(added['X-Security-Token']).toBe(TOKEN);
    expect(signedNames(added.Authorization)).toBe('content-type;host;x-project-id;x-sdk-date;x-security-token');
  });

  it('signs only host and x-sdk-date when nothing else is there, plus any names asked for', () => {
    const bare = { ...base, headers: { Accept: 'application/json' } };
    expect(signedNames(sign(bare, creds, { now: NOW }).Authorization)).toBe('host;x-sdk-date');
    expect(signedNames(sign(bare, creds, { now: NOW, signedHeaders: ['ACCEPT'] }).Authorization)).toBe('accept;host;x-sdk-date');
  });

  it('produces a signature over the documented string to sign', async () => {
    const { createHash, createHmac } = await import('node:crypto');
    const added = sign(base, creds, { now: NOW });
    const canonical = canonicalRequest(base.method, base.url, { ...base.headers, 'X-Sdk-Date': '20240601T120000Z' }, ['content-type', 'host', 'x-project-id', 'x-sdk-date'], base.body);
    const toSign = `SDK-HMAC-SHA256\n20240601T120000Z\n${createHash('sha256').update(canonical).digest('hex')}`;
    expect(added.Authorization).toContain(`Signature=${createHmac('sha256', SK).update(toSign).digest('hex')}`);
  });

  it('replaces a caller-supplied X-Sdk-Date (any case) with its own and leaves req.headers alone', () => {
    const req = { ...base, headers: { ...base.headers, 'x-sdk-date': '19990101T000000Z' } };
    const before = JSON.stringify(req);
    const added = sign(req, creds, { now: NOW });
    expect(JSON.stringify(req)).toBe(before);
    const sent = { ...base.headers, ...added };
    expect(verify({ ...base, headers: sent }, () => ({ sk: SK }), { now: NOW })).toEqual({ ok: true, ak: creds.ak });
  });

  it('uses the current time when no date is given', () => {
    const signedAt = parseSdkDate(sign(base, creds)['X-Sdk-Date'] ?? '');
    expect(Math.abs((signedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(2000);
  });

  it('refuses a signed header that is not in the request', () => {
    expect(() => sign(base, creds, { now: NOW, signedHeaders: ['x-request-id'] })).toThrow(/x-request-id/);
  });
});

describe('secrets stay out of errors, logs and output', () => {
  const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) => vi.spyOn(console, m));
  const stdout = vi.spyOn(process.stdout, 'write');
  const stderr = vi.spyOn(process.stderr, 'write');
  afterEach(() => vi.clearAllMocks());

  const errorOf = (fn: () => unknown): Error => {
    try {
      fn();
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected a throw');
  };

  it('never puts the SK or the token into an error', () => {
    const temp = { ...creds, securityToken: TOKEN };
    const failures = [
      () => sign(base, temp, { signedHeaders: ['x-missing'] }),
      () => sign({ ...base, url: 'not a url' }, temp),
      () => sign({ ...base, url: '/relative/without/host' }, temp),
      () => sign({ ...base, headers: { a: '1', A: '2' } }, temp),
      () => sign(base, temp, { now: new Date(Number.NaN) }),
      () => sign(base, { ak: '', sk: SK, securityToken: TOKEN }),
      () => sign(base, { ak: 'AK WITH SPACE', sk: SK }),
      () => sign(base, { ak: 'AK', sk: 987654321 as unknown as string }),
      () => sign(base, { ak: 'AK', sk: '' }),
      () => verify({ ...base, headers: { authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=' + '0'.repeat(64), 'x-sdk-date': '20240601T120000Z' } }, () => ({ sk: 7 as unknown as string }), { now: NOW }),
    ];
    for (const fail of failures) {
      const err = errorOf(fail);
      const text = `${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}`;
      expect(text).not.toContain(SK);
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain('987654321');
    }
  });

  it('never logs, and never returns the SK, across many sign/verify round trips', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 200; i++) {
      const g = generateRequest(rng);
      const req = { method: g.method, url: g.url, headers: g.headers, body: g.body };
      const added = sign(req, g.creds, { now: g.now, signedHeaders: g.signedHeadersOpt });
      expect(JSON.stringify(added)).not.toContain(g.creds.sk);
      const result = verify({ ...req, headers: { ...g.headers, ...added } }, () => ({ sk: g.creds.sk, securityToken: g.creds.securityToken }), { now: g.now });
      expect(result).toEqual({ ok: true, ak: g.creds.ak });
      expect(JSON.stringify(result)).not.toContain(g.creds.sk);
    }
    for (const spy of [...spies, stdout, stderr]) expect(spy).not.toHaveBeenCalled();
  });
});
