import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSim, TEST_CREDS } from '../testing/signed-client.ts';
import type { TestSim } from '../testing/signed-client.ts';
import { LOCK_MS } from './lockout.ts';

const OTHER = { ak: 'OTHERAK0000000000002', sk: 'other-secret-0000000000000000000000000' };
const TEMP = { ak: 'TEMPAK00000000000003', sk: 'temp-secret-000000000000000000000000000', securityToken: 'tok-very-secret-123' };
const CLUSTERS = '/v1.0/{p}/clusters';
const CREATE = '/v2.0/{p}/datasource/enhanced-connections';

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim({ credentials: [TEST_CREDS, OTHER, TEMP], enhancedConnections: 20 });
});
afterAll(() => t.close());
beforeEach(() => t.sim.control.reset());

interface GatewayError {
  error_code: string;
  error_msg: string;
  request_id: string;
}

function expectGatewayError(res: { status: number; json: unknown; headers: Headers }, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = res.json as GatewayError;
  expect(body.error_code).toBe(code);
  expect(body.request_id).toBe(res.headers.get('x-request-id'));
  return body;
}

const lastSignature = () => t.sim.control.requests(1)[0]?.signature;

describe('gateway signature check', () => {
  it('accepts a correctly signed request', async () => {
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
    expect(lastSignature()).toBe('ok');
  });

  it('refuses an unsigned request with 401 APIGW.0301', async () => {
    const body = expectGatewayError(await t.call('GET', CLUSTERS, undefined, { unsigned: true }), 401, 'APIGW.0301');
    expect(body.error_msg).toBe('Incorrect IAM authentication information: verify aksk signature fail');
    expect(lastSignature()).toBe('missing');
    expect(t.sim.control.stats().requests['dws.listClusters']).toBe(0);
  });

  it('refuses a body changed after signing, and applies nothing', async () => {
    const valid = { name: 'tamper_test', dest_vpc_id: 'v', dest_network_id: 'n' };
    const res = await t.call('POST', CREATE, valid, {
      afterSign: (r) => {
        r.body = r.body.replace('tamper_test', 'tamper_tesT');
      },
    });
    expectGatewayError(res, 401, 'APIGW.0301');
    expect(lastSignature()).toBe('mismatch');
    expect(t.sim.control.stats().creates.enhancedConnections).toBe(0);
  });

  it('refuses a query changed after signing', async () => {
    const res = await t.call('GET', `${CREATE}?limit=1`, undefined, {
      afterSign: (r) => {
        r.url = r.url.replace('limit=1', 'limit=2');
      },
    });
    expectGatewayError(res, 401, 'APIGW.0301');
  });

  it('verifies the exact body bytes (whitespace and non-ASCII kept)', async () => {
    const raw = '{ "name" : "bytes_exact",\n "dest_vpc_id":"v", "dest_network_id":"n", "tags":[{"key":"owner","value":"张伟"}] }';
    const res = await t.call('POST', CREATE, raw);
    expect(res.status).toBe(200);
    expect(t.sim.control.requests(1)[0]?.bodyText).toBe(raw);
  });

  it('refuses an unknown AK', async () => {
    expectGatewayError(await t.call('GET', CLUSTERS, undefined, { creds: { ak: 'NOSUCHAK000000000000', sk: 'x' } }), 401, 'APIGW.0301');
    expect(lastSignature()).toBe('unknown-ak');
  });

  it('answers 401 APIGW.0303 "signature expired" when X-Sdk-Date is over 15 minutes off', async () => {
    const res = await t.call('GET', CLUSTERS, undefined, { now: new Date(Date.now() - 16 * 60_000) });
    const body = expectGatewayError(res, 401, 'APIGW.0303');
    expect(body.error_msg).toContain('signature expired');
  });

  it('judges expiry by its own (skewable) clock', async () => {
    const realNow = new Date();
    t.sim.control.setClockOffset(20 * 60_000);
    expectGatewayError(await t.call('GET', CLUSTERS, undefined, { now: realNow }), 401, 'APIGW.0303');
    const posted = await t.admin('POST', '/clock', { offsetMs: 0 });
    expect(posted.status).toBe(200);
    expect((await t.call('GET', CLUSTERS, undefined, { now: realNow })).status).toBe(200);
  });

  it('checks temporary credentials’ security token and never logs it', async () => {
    expect((await t.call('GET', CLUSTERS, undefined, { creds: TEMP })).status).toBe(200);
    const logged = t.sim.control.requests(1)[0];
    expect(logged?.headers['x-security-token']).toMatch(/^\[redacted sha256:[0-9a-f]{16}\]$/);
    expect(JSON.stringify(t.sim.control.requests())).not.toContain(TEMP.securityToken);
    const wrong = await t.call('GET', CLUSTERS, undefined, { creds: { ...TEMP, securityToken: 'tok-other' } });
    expectGatewayError(wrong, 401, 'APIGW.0301');
  });
});

describe('AK lockout', () => {
  const bad = { ak: TEST_CREDS.ak, sk: 'wrong-secret' };

  it('five consecutive failures do not lock; a success resets the count', async () => {
    for (let i = 0; i < 5; i++) expectGatewayError(await t.call('GET', CLUSTERS, undefined, { creds: bad }), 401, 'APIGW.0301');
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
    for (let i = 0; i < 5; i++) await t.call('GET', CLUSTERS, undefined, { creds: bad });
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
  });

  it('more than five lock the AK for five minutes, even for a correct signature', async () => {
    for (let i = 0; i < 6; i++) await t.call('GET', CLUSTERS, undefined, { creds: bad });
    expectGatewayError(await t.call('GET', CLUSTERS), 401, 'APIGW.0301');
    expect(lastSignature()).toBe('locked');
    // Another AK is not affected.
    expect((await t.call('GET', CLUSTERS, undefined, { creds: OTHER })).status).toBe(200);
    t.sim.control.setClockOffset(LOCK_MS - 5_000);
    expect((await t.call('GET', CLUSTERS)).status).toBe(401);
    t.sim.control.setClockOffset(LOCK_MS + 1_000);
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
  });

  it('reset clears a lock', async () => {
    for (let i = 0; i < 6; i++) await t.call('GET', CLUSTERS, undefined, { creds: bad });
    expect((await t.call('GET', CLUSTERS)).status).toBe(401);
    expect((await t.admin('POST', '/reset')).status).toBe(200);
    expect((await t.call('GET', CLUSTERS)).status).toBe(200);
  });
});
