import { afterEach, describe, expect, it } from 'vitest';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

// /healthz (the process), /readyz (the cloud answers a signed cheap read, per service, cached)
// and GET /api/status (the same, for the web's banner).

const started: Harness[] = [];
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  started.push(h);
  return h;
}
afterEach(async () => {
  for (const h of started) expect(secretsSeen(h)).toEqual([]);
  await Promise.all(started.splice(0).map((h) => h.close()));
});

interface ReadyBody {
  status: string;
  services: Record<string, { ok: boolean; latencyMs: number; error?: string }>;
  clockSkewMs?: number;
}

async function readyz(h: Harness): Promise<{ status: number; body: ReadyBody; text: string; headers: Headers }> {
  const res = await fetch(`${h.bffUrl}/readyz`);
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as ReadyBody, text, headers: res.headers };
}

describe('/healthz and /readyz', () => {
  it('all services answering: 200 ok, per service, nothing that names the cloud account', async () => {
    const h = await harness();
    expect((await fetch(`${h.bffUrl}/healthz`)).status).toBe(200);
    const r = await readyz(h);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.body.status).toBe('ok');
    expect(Object.keys(r.body.services).sort()).toEqual(['dli', 'dws', 'mrs']);
    for (const s of Object.values(r.body.services)) {
      expect(s.ok).toBe(true);
      expect(s.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(r.body.clockSkewMs).toBeUndefined();
    for (const secret of [h.sim.url, String(h.sim.port), h.sim.projectId, h.credentials.ak]) expect(r.text).not.toContain(secret);
    // Every probe was a signed read.
    const probes = h.sim.control.requests();
    expect(probes.map((p) => p.operation).sort()).toEqual(['dli.listQueues', 'dws.listClusters', 'mrs.listDataConnectors']);
    expect(probes.every((p) => p.method === 'GET' && p.signature === 'ok')).toBe(true);
  });

  it('is cached briefly: a burst of checks makes one probe per service', async () => {
    const h = await harness();
    await Promise.all(Array.from({ length: 10 }, () => readyz(h)));
    await readyz(h);
    expect(h.sim.control.requests()).toHaveLength(3);
  });

  it('a failing service makes it 503 degraded, naming the service and the error code only', async () => {
    const h = await harness({ readinessCacheMs: 0 });
    h.sim.control.faults.replace([{ operation: 'dws.listClusters', status: 503, errorMessage: 'backend db-7.internal down' }]);
    const r = await readyz(h);
    expect(r.status).toBe(503);
    expect(r.body.status).toBe('degraded');
    expect(r.body.services.dli?.ok).toBe(true);
    expect(r.body.services.dws).toMatchObject({ ok: false, error: 'UPSTREAM_UNAVAILABLE (HTTP 503 DWS.0999)' });
    expect(r.text).not.toContain('db-7.internal');
    // The fault clears: ready again.
    h.sim.control.faults.replace([]);
    expect((await readyz(h)).status).toBe(200);
  });

  it('while draining (shutdown), /readyz is 503 and answers close their connection', async () => {
    const h = await harness();
    h.drain();
    const r = await readyz(h);
    expect(r.status).toBe(503);
    expect(r.body.status).toBe('draining');
    expect(r.headers.get('connection')).toBe('close');
    expect((await fetch(`${h.bffUrl}/healthz`)).status).toBe(200);
  });
});

describe('GET /api/status', () => {
  it('needs a session (and X-CSRF), and answers the per-service state', async () => {
    const h = await harness({ readinessCacheMs: 0 });
    expectError(await h.call('GET', '/api/status', { cookie: null }), 401, 'UNAUTHENTICATED');
    expectError(await h.call('GET', '/api/status', { headers: { 'x-csrf': '' } }), 403, 'CSRF_REQUIRED');
    h.sim.control.faults.replace([{ service: 'mrs', kind: 'reset' }]);
    const res = await h.call('GET', '/api/status');
    expect(res.status).toBe(200);
    const body = res.json as ReadyBody;
    expect(body.status).toBe('degraded');
    expect(body.services.mrs).toMatchObject({ ok: false, error: 'UPSTREAM_UNREACHABLE' });
    expect(body.services.dli?.ok).toBe(true);
    expectError(await h.call('POST', '/api/status', { body: {} }), 405, 'METHOD_NOT_ALLOWED');
  });

  it('does not keep an idle session alive (a page polling it all day must not)', async () => {
    let offset = 0;
    const h = await harness({ now: () => new Date(Date.now() + offset), env: { SESSION_IDLE_MINUTES: '5' } });
    offset = 3 * 60_000;
    expect((await h.call('GET', '/api/status')).status).toBe(200);
    offset = 6 * 60_000;
    // Six minutes after sign-in, three after the status poll: idle for more than five.
    expectError(await h.call('GET', '/api/session'), 401, 'UNAUTHENTICATED');
  });
});
