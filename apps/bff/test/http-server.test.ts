import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer } from '../src/http-server.ts';

let server: http.Server | undefined;
afterEach(
  () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
);

function appAnswering(): express.Express {
  const app = express();
  app.set('query parser', 'simple');
  app.use((req, res) => {
    res
      .status(201)
      .type('json')
      .set('X-Test', req.get('x-probe') ?? '')
      .send({ path: req.path, q: req.query });
  });
  return app;
}

/** Serves app, and records each request's and response's prototype before Express sees them. */
async function serveWatched(make: () => http.Server, agent: http.Agent) {
  server = make();
  const born: Array<[unknown, unknown]> = [];
  server.prependListener('request', (req, res) =>
    born.push([Object.getPrototypeOf(req), Object.getPrototypeOf(res)]),
  );
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (n: number) =>
    new Promise<{ status: number; probe: string; body: string }>((resolve, reject) => {
      http
        .get(`${url}/a/b?x=${n}`, { agent, headers: { 'x-probe': `p${n}` } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, probe: String(res.headers['x-test']), body }),
          );
        })
        .on('error', reject);
    });
  return { born, get };
}

describe('createHttpServer', () => {
  it('creates every request and response with the app’s own prototypes, and Express answers as usual', async () => {
    const app = appAnswering();
    // Two requests on one keep-alive socket: each object pair is made the same way.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const { born, get } = await serveWatched(() => createHttpServer(app), agent);
    for (const n of [1, 2])
      expect(await get(n)).toEqual({
        status: 201,
        probe: `p${n}`,
        body: JSON.stringify({ path: '/a/b', q: { x: String(n) } }),
      });
    agent.destroy();
    expect(born).toEqual([
      [app.request, app.response],
      [app.request, app.response],
    ]);
    // Still Node's classes underneath: instanceof checks in Node and in libraries hold.
    expect(app.request).toBeInstanceOf(http.IncomingMessage);
    expect(app.response).toBeInstanceOf(http.ServerResponse);
  });

  it('is needed: http.createServer(app) makes plain objects that Express re-prototypes on each request', async () => {
    const app = appAnswering();
    const agent = new http.Agent({ keepAlive: false });
    const { born, get } = await serveWatched(() => http.createServer(app), agent);
    expect((await get(1)).status).toBe(201);
    expect(born).toEqual([[http.IncomingMessage.prototype, http.ServerResponse.prototype]]);
  });
});
