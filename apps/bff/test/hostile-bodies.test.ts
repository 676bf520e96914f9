import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleError, MAX_HOSTS } from '@dsc/api-types';
import { expectError, startHarness, type Harness } from './harness.ts';

// Bodies built to cost the BFF time or memory, over real HTTP: each is refused with a status and
// a message that names the reason, before any full walk, and the BFF keeps answering others
// while they are in flight (the latency figure is bench/hostile-load.ts's, not asserted here).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface Raw {
  status: number;
  json: unknown;
}

function send(method: string, path: string, body: Buffer, headers: Record<string, string> = {}): Promise<Raw> {
  const url = new URL(h.bffUrl + path);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { 'x-csrf': '1', cookie: `dsc_session=${h.cookie}`, 'content-type': 'application/json', 'content-length': body.length, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    // The BFF may answer (and close) before it has read everything of a body it refuses.
    req.on('error', reject);
    req.end(body);
  });
}

function errorOf(r: Raw, status: number, code: string): ConsoleError['error'] {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  const parsed = ConsoleError.parse(r.json);
  expect(parsed.error.code).toBe(code);
  return parsed.error;
}

const CREATE = '/api/dli/enhanced-connections';
const REPLACE_HOSTS = '/api/dli/enhanced-connections/c1';
const base = { name: 'hostile_1', dest_vpc_id: 'vpc-1', dest_network_id: 'subnet-1' };

/** ~8 million numbers: 16 MB of JSON, 16 kB gzipped (the probe's body). */
const FLAT_NUMBERS = Buffer.from(`{"name":"x","dest_vpc_id":"v","dest_network_id":"n","hosts":[${'0,'.repeat(8_000_000)}0]}`);
const FLAT_NUMBERS_GZ = gzipSync(FLAT_NUMBERS);
/** Within the hosts routes' byte limit, but far more entries than hosts can have. */
const LONG_ARRAY = Buffer.from(`{"hosts":[${'0,'.repeat(2_000_000)}0]}`);
const DEEP = Buffer.from(`{"hosts":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);

describe('hostile bodies are refused before any full walk, naming the reason', () => {
  it('a gzip bomb stops at the decompressed limit: 413', async () => {
    expect(FLAT_NUMBERS_GZ.length).toBeLessThan(64 * 1024);
    const e = errorOf(await send('POST', CREATE, FLAT_NUMBERS_GZ, { 'content-encoding': 'gzip' }), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.message).toBe('The request body is larger than this route accepts (4.9 MiB)');
  });

  it('an array longer than the catalogue allows: 400 naming the field and the limit', async () => {
    const e = errorOf(await send('PUT', REPLACE_HOSTS, LONG_ARRAY), 400, 'VALIDATION');
    expect(e.fields).toEqual({ hosts: `must hold at most ${MAX_HOSTS} entries` });
  });

  it('deep nesting: 400 naming where', async () => {
    const e = errorOf(await send('PUT', REPLACE_HOSTS, DEEP), 400, 'VALIDATION');
    expect(e.message).toMatch(/nest deeper than 8 levels/);
    expect(Object.keys(e.fields ?? {})[0]).toMatch(/^hosts(\.0)*$/);
  });

  it('too many values in total: 413 saying so', async () => {
    const values = Buffer.from(`{"hosts":[${Array.from({ length: 15_000 }, () => '[1,2,3,4,5]').join(',')}]}`);
    const e = errorOf(await send('PUT', REPLACE_HOSTS, values), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/holds more than \d+ values/);
  });

  it('a small route takes a small body only: 413 with its own limit', async () => {
    const big = Buffer.from(JSON.stringify({ queues: Array.from({ length: 5000 }, (_, i) => `queue_${i}_${'q'.repeat(20)}`) }));
    const e = errorOf(await send('POST', '/api/dli/enhanced-connections/c1/associate-queue', big), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.message).toBe('The request body is larger than this route accepts (64 kB)');
  });

  it('/api/session says its own 8 kB limit', async () => {
    const big = Buffer.from(JSON.stringify({ username: 'u'.repeat(9000), password: 'p' }));
    const e = errorOf(await send('POST', '/api/session', big), 413, 'PAYLOAD_TOO_LARGE');
    expect(e.message).toBe('The request body is larger than this route accepts (8 kB)');
  });

  it('a duplicate key is refused, naming it, wherever it is', async () => {
    const top = errorOf(await send('POST', CREATE, Buffer.from('{"name":"a","name":"b","dest_vpc_id":"v","dest_network_id":"n"}')), 400, 'VALIDATION');
    expect(top.fields).toEqual({ name: 'appears more than once' });
    const inner = errorOf(await send('PUT', REPLACE_HOSTS, Buffer.from('{"hosts":[{"name":"a","ip":"10.0.0.1"},{"name":"b","ip":"10.0.0.2","\\u0069p":"10.0.0.3"}]}')), 400, 'VALIDATION');
    expect(inner.fields).toEqual({ 'hosts.1.ip': 'appears more than once' });
    const signIn = errorOf(await send('POST', '/api/session', Buffer.from('{"username":"a","password":"x","password":"y"}')), 400, 'VALIDATION');
    expect(signIn.fields).toEqual({ password: 'appears more than once' });
  });

  it('valid JSON that is not an object says what it is', async () => {
    for (const [body, kind] of [['null', 'null'], ['42', 'a number'], ['[1]', 'an array'], ['"x"', 'a string']] as const) {
      const e = errorOf(await send('POST', CREATE, Buffer.from(body)), 400, 'VALIDATION');
      expect(e.message).toBe(`The request body must be a JSON object, not ${kind}`);
    }
    expectError(await h.call('POST', CREATE, { rawBody: '{"a":', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
  });

  it('a legitimate 20,000-host create is checked off the main thread and accepted; a bad host in it is named', async () => {
    const hosts = Array.from({ length: MAX_HOSTS }, (_, i) => ({ name: `host-${i}`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
    const ok = await h.call('POST', CREATE, { body: { ...base, name: `big_${Date.now()}`, hosts }, headers: { 'idempotency-key': `k-${Date.now()}` } });
    expect(ok.status, ok.text).toBe(200);
    hosts[12_345] = { name: '9bad', ip: '10.0.0.1' };
    const bad = expectError(await h.call('PUT', REPLACE_HOSTS, { body: { hosts } }), 400, 'VALIDATION');
    expect(bad.fields).toEqual({ 'hosts.12345.name': 'must start with a letter' });
  }, 30_000);
});

describe('with hostile bodies in flight', () => {
  it('/healthz and a small GET still answer, and every hostile body gets its refusal', async () => {
    const hostile = [
      ...Array.from({ length: 4 }, () => send('POST', CREATE, FLAT_NUMBERS_GZ, { 'content-encoding': 'gzip' })),
      ...Array.from({ length: 4 }, () => send('PUT', REPLACE_HOSTS, LONG_ARRAY)),
      ...Array.from({ length: 4 }, () => send('PUT', REPLACE_HOSTS, DEEP)),
    ];
    const health = await fetch(`${h.bffUrl}/healthz`);
    expect(health.status).toBe(200);
    const small = await h.call('GET', '/api/session');
    expect(small.status).toBe(200);
    const results = await Promise.all(hostile);
    expect(results.map((r) => r.status)).toEqual([...Array(4).fill(413), ...Array(8).fill(400)]);
  }, 60_000);
});
