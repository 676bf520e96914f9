import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpstreamRequest } from './build-upstream-request.ts';
import { sendOnce } from './upstream-client.ts';
import { createUpstreamPool } from './upstream-pool.ts';

const open: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

async function serve(handler: http.RequestListener): Promise<URL> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

function pool(origin: URL, options?: ConstructorParameters<typeof Pool>[1]): Pool {
  const p = options ? new Pool(origin.origin, options) : createUpstreamPool(origin);
  open.push(() => p.destroy());
  return p;
}

function request(origin: URL, over: Partial<UpstreamRequest> = {}): UpstreamRequest {
  return {
    service: 'dli',
    method: 'GET',
    url: new URL('/v1/things?b=2&a=1', origin),
    headers: { host: origin.host, accept: 'application/json', 'x-sdk-date': '20261205T080000Z' },
    body: Buffer.alloc(0),
    ...over,
  };
}

describe('sendOnce on undici', () => {
  it('writes exactly the given headers and body with Content-Length, never chunked', async () => {
    let seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string } | undefined;
    const origin = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() };
        res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'up-1', date: 'Sat, 05 Dec 2026 08:00:00 GMT' }).end('{"ok":true}');
      });
    });
    const body = Buffer.from('{"name":"x"}');
    const ex = await sendOnce(
      request(origin, { method: 'POST', body, headers: { ...request(origin).headers, 'content-type': 'application/json', 'content-length': String(body.length) } }),
      pool(origin),
      5_000,
    );
    expect(ex).toEqual({
      kind: 'response',
      response: { status: 201, contentType: 'application/json', requestId: 'up-1', retryAfter: undefined, date: 'Sat, 05 Dec 2026 08:00:00 GMT', body: Buffer.from('{"ok":true}') },
    });
    expect(seen).toMatchObject({ method: 'POST', url: '/v1/things?b=2&a=1', body: '{"name":"x"}' });
    expect(seen!.headers['content-length']).toBe(String(body.length));
    expect(seen!.headers['transfer-encoding']).toBeUndefined();
    expect(seen!.headers['x-sdk-date']).toBe('20261205T080000Z');
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    let hits = 0;
    const origin = await serve((_req, res) => {
      hits++;
      res.writeHead(302, { location: '/elsewhere' }).end();
    });
    const ex = await sendOnce(request(origin), pool(origin), 5_000);
    expect(ex.kind === 'response' && ex.response.status).toBe(302);
    expect(hits).toBe(1);
  });

  it('a refused connection certainly sent nothing', async () => {
    const origin = await serve(() => {});
    const port = origin.port;
    await Promise.all(open.splice(0).map((close) => close()));
    const target = new URL(`http://127.0.0.1:${port}`);
    const ex = await sendOnce(request(target), pool(target), 5_000);
    expect(ex).toEqual({ kind: 'connection', code: 'ECONNREFUSED', sent: false });
  });

  it('a connection closed after the request arrived may have sent it', async () => {
    const origin = await serve((req) => req.socket.destroy());
    const ex = await sendOnce(request(origin), pool(origin), 5_000);
    expect(ex).toMatchObject({ kind: 'connection', sent: true });
  });

  it('an answer cut off half way is broken, not passed on', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100', 'x-request-id': 'up-2' });
      res.write('{"half":');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const ex = await sendOnce(request(origin), pool(origin), 5_000);
    expect(ex).toMatchObject({ kind: 'broken', status: 200, requestId: 'up-2' });
  });

  it('an answer over the size cap is refused', async () => {
    const origin = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(4096, 32));
    });
    const ex = await sendOnce(request(origin), pool(origin, { maxResponseSize: 1024 }), 5_000);
    expect(ex).toMatchObject({ kind: 'broken', message: expect.stringContaining('larger than the console accepts') });
  });

  it('one deadline for the whole exchange, and the connection it held is freed', async () => {
    let calls = 0;
    const origin = await serve((_req, res) => {
      if (++calls === 1) return; // never answers
      res.end('{}');
    });
    const p = pool(origin, { connections: 1 });
    const ex = await sendOnce(request(origin), p, 150);
    expect(ex).toEqual({ kind: 'timeout', sent: true });
    // With one connection, the next call is only served if the stalled one was given up.
    const next = await sendOnce(request(origin), p, 5_000);
    expect(next.kind === 'response' && next.response.status).toBe(200);
  });

  it('a deadline spent waiting for a connection sent nothing', async () => {
    const origin = await serve(() => {}); // holds every request
    const p = pool(origin, { connections: 1 });
    const first = sendOnce(request(origin), p, 400);
    const queued = await sendOnce(request(origin), p, 100);
    expect(queued).toEqual({ kind: 'timeout', sent: false });
    expect(await first).toEqual({ kind: 'timeout', sent: true });
  });
});
