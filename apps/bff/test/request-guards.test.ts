import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Runs `fn` and answers how many requests reached the simulator meanwhile. */
async function upstreamCallsDuring(fn: () => Promise<unknown>): Promise<number> {
  h.sim.control.clearRequests();
  await fn();
  return h.sim.control.requests().length;
}

describe('CSRF', () => {
  it('answers 403 without X-CSRF: 1, before routing and before upstream', async () => {
    for (const path of ['/api/dli/queues', '/api/no/such/route', '/api/session']) {
      const n = await upstreamCallsDuring(async () => {
        const res = await h.call('GET', path, { headers: { 'x-csrf': '' } });
        expectError(res, 403, 'CSRF_REQUIRED');
      });
      expect(n).toBe(0);
    }
    expectError(await h.call('GET', '/api/dli/queues', { headers: { 'x-csrf': 'true' } }), 403, 'CSRF_REQUIRED');
  });

  it('refuses cross-site state changes but not cross-site reads', async () => {
    const n = await upstreamCallsDuring(async () => {
      const res = await h.call('POST', '/api/dli/enhanced-connections/c1/associate-queue', {
        body: { queues: ['q'] },
        headers: { 'sec-fetch-site': 'cross-site' },
      });
      expectError(res, 403, 'CROSS_SITE_REQUEST');
    });
    expect(n).toBe(0);
    const read = await h.call('GET', '/api/dws/clusters', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(read.status).toBe(200);
  });

  it('never grants a CORS preflight', async () => {
    const res = await fetch(`${h.bffUrl}/api/dli/queues`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-csrf' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('routing', () => {
  it('unknown /api paths are 404 and reach nothing upstream', async () => {
    const n = await upstreamCallsDuring(async () => {
      expectError(await h.call('GET', '/api/dli/tables'), 404, 'NOT_FOUND');
      expectError(await h.call('POST', '/api/v2.0/x/datasource/enhanced-connections', { body: {} }), 404, 'NOT_FOUND');
      expectError(await h.call('GET', '/api/dli/enhanced-connections/a/b/c'), 404, 'NOT_FOUND');
    });
    expect(n).toBe(0);
  });

  it('a known path with another method is 405 with Allow', async () => {
    const res = await h.call('PATCH', '/api/dli/enhanced-connections/c1', { body: {} });
    expectError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('allow')).toBe('GET, PUT, DELETE, HEAD');
    const post = await h.call('DELETE', '/api/dli/enhanced-connections');
    expect(post.headers.get('allow')).toBe('GET, POST, HEAD');
  });

  it('GET /healthz answers without X-CSRF', async () => {
    const res = await fetch(`${h.bffUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('validation', () => {
  it('a bad body is 400 with field paths and reaches nothing upstream', async () => {
    const hosts = [
      { name: 'a', ip: '10.0.0.1' },
      { name: 'b', ip: '10.0.0.2' },
      { name: 'c', ip: '10.0.0.3' },
      { name: 'd', ip: '10.0.0.999' },
    ];
    const n = await upstreamCallsDuring(async () => {
      const err = expectError(await h.call('PUT', '/api/dli/enhanced-connections/c1', { body: { hosts } }), 400, 'VALIDATION');
      expect(err.fields).toEqual({ 'hosts.3.ip': expect.stringMatching(/^must be an IPv4 address/) });
    });
    expect(n).toBe(0);
  });

  it('malformed JSON, wrong content type, missing and unexpected bodies', async () => {
    const n = await upstreamCallsDuring(async () => {
      const bad = expectError(
        await h.call('PUT', '/api/dli/enhanced-connections/c1', { rawBody: '{"hosts": [', headers: { 'content-type': 'application/json' } }),
        400,
        'MALFORMED_JSON',
      );
      expect(bad.message).not.toContain('hosts');
      expectError(
        await h.call('PUT', '/api/dli/enhanced-connections/c1', { rawBody: 'hosts=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(await h.call('PUT', '/api/dli/enhanced-connections/c1'), 400, 'VALIDATION');
      expectError(await h.call('DELETE', '/api/dli/enhanced-connections/c1', { body: { force: true } }), 400, 'VALIDATION');
      const q = expectError(await h.call('GET', '/api/dws/clusters?limit=1'), 400, 'VALIDATION');
      expect(q.fields).toEqual({ 'query.limit': 'is not allowed' });
      const p = expectError(await h.call('GET', '/api/dws/jobs/..%2Fclusters'), 400, 'VALIDATION');
      expect(Object.keys(p.fields ?? {})).toEqual(['params.job_id']);
    });
    expect(n).toBe(0);
  });

  it('bodies above the route limit are refused with 413', async () => {
    const huge = `{"hosts":[${'{"name":"h","ip":"10.0.0.1"},'.repeat(200_000)}{"name":"h","ip":"10.0.0.1"}]}`;
    expect(huge.length).toBeGreaterThan(5.2 * 1024 * 1024);
    const res = await h.call('PUT', '/api/dli/enhanced-connections/c1', { rawBody: huge, headers: { 'content-type': 'application/json' } });
    expect(expectError(res, 413, 'PAYLOAD_TOO_LARGE').message).toBe('The request body is larger than this route accepts (4.9 MiB)');
  });
});

describe('static SPA and headers', () => {
  it('serves index.html for deep links that ask for HTML, with a CSP without inline script', async () => {
    const res = await fetch(`${h.bffUrl}/dli/connections/abc?page=2`, { headers: { accept: 'text/html,*/*' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>console</title>');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const d of ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(d);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('API answers, errors included, carry the headers for a JSON answer: no sniffing, framing or cross-origin reads', async () => {
    for (const [path, status] of [
      ['/api/dws/clusters', 200],
      ['/api/nothing-here', 404],
    ] as const) {
      const res = await h.call('GET', path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      // The page-only set stays with pages.
      expect(res.headers.get('cross-origin-opener-policy'), path).toBeNull();
    }
    const page = await fetch(`${h.bffUrl}/`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('caches hashed assets for a year and does not fall back for non-HTML requests', async () => {
    const asset = await fetch(`${h.bffUrl}/assets/app-1a2b3c.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await fetch(`${h.bffUrl}/assets/nope.js`);
    expect(missing.status).toBe(404);
  });

  it('marks API answers no-store', async () => {
    const res = await h.call('GET', '/api/dws/clusters');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('logging', () => {
  it('writes one JSON line per request with method, path, status, duration and ids', async () => {
    const res = await h.call('GET', '/api/dws/clusters');
    const upstreamId = res.headers.get('x-request-id');
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.upstreamRequestId === upstreamId);
    expect(line).toMatchObject({
      method: 'GET',
      path: '/api/dws/clusters',
      status: 200,
      operationId: 'dws.listClusters',
      requestId: expect.any(String),
      durationMs: expect.any(Number),
    });
  });
});

describe('secrets', () => {
  it('no log line or response of this run holds the SK, the security token or SESSION_SECRET', () => {
    expect(h.logs.length).toBeGreaterThan(10);
    expect(secretsSeen(h)).toEqual([]);
  });
});
