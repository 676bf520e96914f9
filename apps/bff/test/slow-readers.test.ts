import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

// A client that asks for a large answer and never reads it: the BFF disconnects it
// RESPONSE_SEND_TIMEOUT_MS after writing the answer, which frees the buffered answer.

/** Far more than loopback socket buffers absorb, so most of it waits in the BFF. */
const BODY_BYTES = 24 * 1024 * 1024;
let upstream: http.Server;
let h: Harness;
beforeAll(async () => {
  const filler = Buffer.alloc(BODY_BYTES - 64, 0x61).toString('latin1');
  const body = Buffer.from(`{"is_success":true,"queues":[],"pad":"${filler}"}`);
  upstream = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  h = await startHarness({
    endpoint: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    env: { RESPONSE_SEND_TIMEOUT_MS: '5000', UPSTREAM_TIMEOUT_MS: '20000' },
  });
});
afterAll(async () => {
  await h?.close();
  upstream?.close();
});

describe('a client that does not read its answer', () => {
  it('is disconnected RESPONSE_SEND_TIMEOUT_MS after the answer was written, having received only part of it', async () => {
    const { port } = new URL(h.bffUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.pause();
    socket.write(`GET /api/dli/queues HTTP/1.1\r\nHost: x\r\nX-CSRF: 1\r\nCookie: dsc_session=${h.cookie}\r\n\r\n`);

    // The BFF says so in its log when it gives up on the client.
    for (let i = 0; i < 400 && !h.logs.some((l) => l.includes('client did not take its answer in time')); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const line = h.logs.find((l) => l.includes('client did not take its answer in time'));
    expect(line).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ level: 40, timeoutMs: 5000 });

    // Now read what the connection still delivers: less than the whole answer, then the end.
    let received = 0;
    socket.on('data', (c: Buffer) => (received += c.length));
    socket.resume();
    await new Promise<void>((r) => socket.once('close', () => r()));
    expect(received).toBeLessThan(BODY_BYTES);
    // The access line of that request says why it was cut.
    const requestId = (JSON.parse(line!) as { requestId: string }).requestId;
    const access = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === requestId && l.path === '/api/dli/queues');
    expect(access).toMatchObject({ errorCode: 'RESPONSE_SEND_TIMEOUT' });
  }, 30_000);

  it('a client that reads takes the whole answer', async () => {
    const res = await fetch(`${h.bffUrl}/api/dli/queues`, { headers: { 'x-csrf': '1', cookie: `dsc_session=${h.cookie}` } });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(BODY_BYTES - 100);
  }, 30_000);
});
