import { afterEach, describe, expect, it } from 'vitest';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

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

const TOKEN = 'metrics-token-0123456789abcdef';
const metric = (text: string, line: string) =>
  Number(text.split('\n').find((l) => l.startsWith(line))?.slice(line.length).trim() ?? 'NaN');

describe('/metrics', () => {
  it('without METRICS_TOKEN: answered on loopback only, never to a request a proxy forwarded', async () => {
    const h = await harness();
    const res = await fetch(`${h.bffUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('# TYPE dsc_http_requests_total counter');
    const forwarded = await h.call('GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expectError(forwarded, 404, 'NOT_FOUND');
  });

  it('with METRICS_TOKEN: only with the bearer token, and the token shows nowhere', async () => {
    const h = await harness({ env: { METRICS_TOKEN: TOKEN } });
    expectError(await h.call('GET', '/metrics'), 404, 'NOT_FOUND');
    expectError(await h.call('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } }), 404, 'NOT_FOUND');
    const ok = await h.call('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.text).not.toContain(TOKEN);
    expect(h.logs.join('\n')).not.toContain(TOKEN);
  });

  it('counts requests by route and status, upstream calls by service and status with latency, replays and sign-in failures', async () => {
    const h = await harness({ env: { METRICS_TOKEN: TOKEN } });
    for (let i = 0; i < 3; i++) expect((await h.call('GET', '/api/dws/clusters')).status).toBe(200);
    expectError((await h.signIn({ username: h.users.admin.username, password: 'wrong-password' })).res, 401, 'INVALID_CREDENTIALS');
    const body = { name: 'conn_metrics', dest_vpc_id: 'vpc-1', dest_network_id: 'net-1' };
    const key = { 'idempotency-key': 'metrics-key-0001' };
    const first = await h.call('POST', '/api/dli/enhanced-connections', { body, headers: key });
    const again = await h.call('POST', '/api/dli/enhanced-connections', { body, headers: key });
    expect(again.headers.get('idempotent-replayed'), `${first.status} ${first.text}`).toBe('true');

    const text = await (await fetch(`${h.bffUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(metric(text, 'dsc_http_requests_total{route="dws.listClusters",method="GET",status="200"}')).toBe(3);
    expect(metric(text, 'dsc_upstream_requests_total{target="default",service="dws",status="200"}')).toBe(3);
    expect(metric(text, 'dsc_upstream_request_duration_seconds_count{target="default",service="dws"}')).toBe(3);
    expect(metric(text, 'dsc_idempotent_replays_total')).toBe(1);
    expect(metric(text, 'dsc_sign_in_failures_total{code="INVALID_CREDENTIALS"}')).toBe(1);
    expect(metric(text, 'dsc_upstream_limiter_queued{target="default",service="dli"}')).toBe(0);
    // Raw paths (with ids) never become labels.
    expect(text).not.toMatch(/route="\/api\/dli\/enhanced-connections\//);
  });
});
