import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSourceInfo } from '@dsc/api-types';
import { expectError, secretsSeen, startHarness, type Harness } from './harness.ts';

const TIMEOUT_MS = 400;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ timeoutMs: TIMEOUT_MS });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(() => {
  h.sim.control.faults.replace([]);
});

function activeClusterId(): string {
  return h.sim.control.inventory().dwsClusters.find((c) => c.status === 'ACTIVE')!.id;
}

describe('upstream errors come back in the one error shape', () => {
  it('a service 4xx in the flat {error_code, error_msg} shape keeps its status', async () => {
    h.sim.control.faults.replace([{ operation: 'dli.listQueues', status: 400, errorCode: 'DLI.0001', errorMessage: 'queue_type is invalid' }]);
    const err = expectError(await h.call('GET', '/api/dli/queues'), 400, 'UPSTREAM_ERROR');
    expect(err.upstream).toEqual({ status: 400, code: 'DLI.0001', message: 'queue_type is invalid' });
    expect(err.message).toBe('queue_type is invalid');
  });

  it('a 4xx in the nested {error: {code, message}} shape', async () => {
    h.sim.control.faults.replace([
      { operation: 'dws.reconfigureExtDataSource', status: 409, errorCode: 'DWS.0015', errorMessage: 'cluster is busy' },
    ]);
    const res = await h.call('PUT', `/api/dws/clusters/${activeClusterId()}/ext-data-sources/some-source`, {
      body: { reconfigure: { reboot: true } },
    });
    const err = expectError(res, 409, 'UPSTREAM_ERROR');
    expect(err.upstream).toEqual({ status: 409, code: 'DWS.0015', message: 'cluster is busy' });
  });

  it('a gateway error keeps the upstream request id', async () => {
    h.sim.control.faults.replace([{ operation: 'dws.listClusters', status: 404, errorCode: 'APIGW.0101', errorMessage: 'no such API' }]);
    const res = await h.call('GET', '/api/dws/clusters');
    const err = expectError(res, 404, 'UPSTREAM_ERROR');
    const up = h.sim.control.requests().at(-1)!;
    expect(err.requestId).toBe(up.requestId);
    expect(err.upstream?.code).toBe('APIGW.0101');
  });

  it('5xx become 502, 503 stays 503 (once reads have used their retries)', async () => {
    h.sim.control.faults.replace([{ operation: 'dws.listClusters', status: 500, times: 1 }]);
    const e500 = expectError(await h.call('GET', '/api/dws/clusters'), 502, 'UPSTREAM_ERROR');
    expect(e500.upstream).toMatchObject({ status: 500, code: 'DWS.0999' });
    h.sim.control.faults.replace([{ operation: 'dws.listClusters', status: 503 }]);
    expectError(await h.call('GET', '/api/dws/clusters'), 503, 'UPSTREAM_UNAVAILABLE');
  });

  it('throttling is 429 THROTTLED with Retry-After', async () => {
    h.sim.control.faults.replace([{ operation: 'mrs.listDataConnectors', status: 429, retryAfter: 7 }]);
    const res = await h.call('GET', '/api/mrs/data-connectors');
    const err = expectError(res, 429, 'THROTTLED');
    expect(err.upstream).toMatchObject({ status: 429, code: 'APIGW.0308' });
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('an HTML error page becomes 502 without crashing', async () => {
    h.sim.control.faults.replace([{ operation: 'dli.listQueues', kind: 'non-json', status: 502 }]);
    const err = expectError(await h.call('GET', '/api/dli/queues'), 502, 'UPSTREAM_ERROR');
    expect(err.upstream).toEqual({ status: 502 });
    expect(err.message).toContain('not JSON');
  });

  it('an MRS update answering 200 {"result":"failed"} is an error', async () => {
    h.sim.control.faults.replace([{ operation: 'mrs.updateDataConnector', kind: 'result-failed' }]);
    const res = await h.call('PUT', '/api/mrs/data-connectors/any-connector', {
      body: {
        data_connector: {
          connector_name: 'c1',
          source_type: 'RDS_POSTGRES',
          source_info: buildSourceInfo({ db_name: 'd', user_name: 'u', rds_instance_id: 'r-1' }),
        },
      },
    });
    const err = expectError(res, 502, 'UPSTREAM_RESULT_FAILED');
    expect(err.upstream?.status).toBe(200);
  });
});

describe('transport failures', () => {
  it('latency beyond the timeout is 504', async () => {
    h.sim.control.faults.replace([{ operation: 'dws.listClusters', latencyMs: TIMEOUT_MS * 4, times: 1 }]);
    const started = Date.now();
    const err = expectError(await h.call('GET', '/api/dws/clusters'), 504, 'UPSTREAM_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 3);
    expect(err.message).toContain(`${TIMEOUT_MS} ms`);
    // The next call is served normally.
    expect((await h.call('GET', '/api/dws/clusters')).status).toBe(200);
  });

  it('a connection reset (every attempt) is 502', async () => {
    h.sim.control.faults.replace([{ operation: 'dli.listQueues', kind: 'reset' }]);
    expectError(await h.call('GET', '/api/dli/queues'), 502, 'UPSTREAM_UNREACHABLE');
  });

  it('an answer cut off half way (every attempt) is 502', async () => {
    h.sim.control.faults.replace([{ operation: 'dws.listClusters', kind: 'truncate' }]);
    const err = expectError(await h.call('GET', '/api/dws/clusters'), 502, 'UPSTREAM_BAD_RESPONSE');
    expect(err.requestId).toBe(h.sim.control.requests().at(-1)!.requestId);
  });
});

describe('endpoints and credentials that do not work', () => {
  it('a refused connection is 502', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const dead = await startHarness({ endpoint: `http://127.0.0.1:${port}` });
    try {
      const err = expectError(await dead.call('GET', '/api/dli/queues'), 502, 'UPSTREAM_UNREACHABLE');
      expect(err.message).toContain('ECONNREFUSED');
      expect(secretsSeen(dead)).toEqual([]);
    } finally {
      await dead.close();
    }
  });

  it('a request signed with a wrong SK is refused upstream and is 502 UPSTREAM_AUTH, not 401', async () => {
    const wrong = await startHarness({ wrongSk: true });
    try {
      const err = expectError(await wrong.call('GET', '/api/dws/clusters'), 502, 'UPSTREAM_AUTH');
      expect(err.upstream).toMatchObject({ status: 401, code: 'APIGW.0301' });
      expect(wrong.sim.control.requests().at(-1)?.signature).toBe('mismatch');
    } finally {
      await wrong.close();
    }
  });
});

describe('upstream answers the simulator does not give', () => {
  let stub: http.Server;
  let s: Harness;
  let answer: (res: http.ServerResponse) => void = (res) => res.end();
  beforeAll(async () => {
    stub = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
    s = await startHarness({ endpoint: `http://127.0.0.1:${(stub.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await s.close();
    await new Promise<void>((r) => stub.close(() => r()));
  });

  it('the {code, message} error shape', async () => {
    answer = (res) => {
      res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'stub-rid-1' });
      res.end(JSON.stringify({ code: 'MRS.0011', message: 'The data connector does not exist' }));
    };
    const res = await s.call('GET', '/api/mrs/data-connectors');
    const err = expectError(res, 404, 'UPSTREAM_ERROR');
    expect(err.upstream).toEqual({ status: 404, code: 'MRS.0011', message: 'The data connector does not exist' });
    expect(err.requestId).toBe('stub-rid-1');
  });

  it('redirects are not followed', async () => {
    answer = (res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    };
    const err = expectError(await s.call('GET', '/api/dws/clusters'), 502, 'UPSTREAM_REDIRECT');
    expect(err.upstream).toEqual({ status: 302 });
  });

  it('no upstream request id: ours is used', async () => {
    answer = (res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error_code":"X.1"');
    };
    const res = await s.call('GET', '/api/dws/clusters');
    const err = expectError(res, 502, 'UPSTREAM_ERROR');
    expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.upstream).toEqual({ status: 500 });
  });

  it('upstream headers other than content type and request id stay behind', async () => {
    answer = (res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1', 'x-powered-by': 'stub' });
      res.end('{"clusters":[]}');
    };
    const res = await s.call('GET', '/api/dws/clusters');
    expect(res.status).toBe(200);
    expect(res.text).toBe('{"clusters":[]}');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('a Retry-After given as an HTTP date beyond the read budget: the answer is passed on at once, in seconds', async () => {
    let calls = 0;
    answer = (res) => {
      calls += 1;
      // Its own clock: the wait is measured against the answer's Date header, not ours.
      const now = Date.now() + 3_600_000;
      res.writeHead(503, {
        'content-type': 'application/json',
        date: new Date(now).toUTCString(),
        'retry-after': new Date(now + 40_000).toUTCString(),
      });
      res.end(JSON.stringify({ error_code: 'DWS.0012', error_msg: 'maintenance' }));
    };
    const started = Date.now();
    const res = await s.call('GET', '/api/dws/clusters');
    expectError(res, 503, 'UPSTREAM_UNAVAILABLE');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(39);
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(41);
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a short HTTP-date Retry-After is waited for, then the read is retried', async () => {
    let calls = 0;
    answer = (res) => {
      calls += 1;
      if (calls === 1) {
        const now = Date.now();
        res.writeHead(429, { 'content-type': 'application/json', date: new Date(now).toUTCString(), 'retry-after': new Date(now + 2000).toUTCString() });
        res.end(JSON.stringify({ error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"clusters":[]}');
    };
    const started = Date.now();
    const res = await s.call('GET', '/api/dws/clusters');
    expect(res.status).toBe(200);
    expect(calls).toBe(2);
    // Date headers have whole seconds: the wait is one to two seconds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('no secrets leaked in this run', () => {
    expect(secretsSeen(s)).toEqual([]);
  });
});

describe('secrets', () => {
  it('no log line or response of this run holds the SK, the security token or SESSION_SECRET', () => {
    expect(h.logs.length).toBeGreaterThan(10);
    expect(secretsSeen(h)).toEqual([]);
  });
});
