import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, startHarness, type Harness } from './harness.ts';

// The smaller findings of the hostile probe (issue 18, item 5), each from outside over HTTP.

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { TRUST_PROXY: 'loopback' } });
});
afterAll(async () => {
  await h?.close();
});

describe('Sec-Fetch-Site', () => {
  it('is compared without regard to letter case', async () => {
    for (const value of ['cross-site', 'CROSS-SITE', 'Cross-Site']) {
      const res = await h.call('POST', '/api/dli/enhanced-connections/c1/associate-queue', { body: { queues: ['q'] }, headers: { 'sec-fetch-site': value } });
      expectError(res, 403, 'CROSS_SITE_REQUEST');
    }
  });
});

describe('source maps', () => {
  it('are not served unless SERVE_SOURCE_MAPS=true', async () => {
    writeFileSync(path.join(h.webDistDir, 'assets', 'app-1a2b3c.js.map'), JSON.stringify({ version: 3, sourcesContent: ['secret source'] }));
    const res = await fetch(`${h.bffUrl}/assets/app-1a2b3c.js.map`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret source');
    const withMaps = await startHarness({ env: { SERVE_SOURCE_MAPS: 'true' }, signInAs: null });
    try {
      writeFileSync(path.join(withMaps.webDistDir, 'assets', 'app-1a2b3c.js.map'), '{"version":3}');
      expect((await fetch(`${withMaps.bffUrl}/assets/app-1a2b3c.js.map`)).status).toBe(200);
    } finally {
      await withMaps.close();
    }
  });
});

describe('the session cookie', () => {
  it('a planted duplicate beside the real one is ignored, in either order', async () => {
    const planted = 'A'.repeat(43);
    for (const cookie of [`dsc_session=${planted}; dsc_session=${h.cookie}`, `dsc_session=${h.cookie}; dsc_session=${planted}`]) {
      const res = await h.call('GET', '/api/session', { cookie: null, headers: { cookie } });
      expect(res.status, res.text).toBe(200);
    }
  });

  it('over TLS (a trusted proxy says https) it is __Host-dsc_session, and only that name counts there', async () => {
    const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.77' };
    const { res } = await h.signIn('viewer', https);
    const set = res.headers.getSetCookie()[0]!;
    expect(set).toMatch(/^__Host-dsc_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    expect(set).not.toMatch(/Domain=/i);
    const id = /^__Host-dsc_session=([^;]+)/.exec(set)![1]!;
    expect((await h.call('GET', '/api/session', { cookie: null, headers: { ...https, cookie: `__Host-dsc_session=${id}` } })).status).toBe(200);
    // A plain-named cookie (which a sibling subdomain could plant) is not read over TLS.
    expect((await h.call('GET', '/api/session', { cookie: null, headers: { ...https, cookie: `dsc_session=${id}` } })).status).toBe(401);
  });
});

describe('success bodies', () => {
  it('are application/json whatever content type the upstream gave them', async () => {
    const upstream = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'x-request-id': 'up-1' });
      res.end(JSON.stringify({ is_success: true, message: '<script>alert(1)</script>', queues: [] }));
    });
    await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
    const other = await startHarness({ endpoint: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
    try {
      const res = await other.call('GET', '/api/dli/queues');
      expect(res.status, res.text).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    } finally {
      await other.close();
      upstream.close();
    }
  });
});
