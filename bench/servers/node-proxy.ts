// The floor under any Node proxy on this machine: node:http in front of the canned upstream with
// a keep-alive agent, buffering each answer whole before sending it on (as the BFF does), and
// nothing else: no router, session, validation, signing or log. The BFF's figures minus these are
// what its own layers cost; these minus nginx's proxy (b) are what Node's HTTP stack costs.
// BENCH_PROXY_FRAMEWORK=express makes the same handler the only middleware of an Express app set up
// and served as the BFF's (createHttpServer): what the framework alone adds, which the BFF cannot go
// below. express-default serves that app with plain http.createServer(app), as Express's own docs
// do, to show what createHttpServer saves (decision 010).
import http from 'node:http';
import type { Express } from 'express';
import { listenAndReport } from './listen.ts';

const upstream = new URL(process.env.BENCH_UPSTREAM ?? 'http://127.0.0.1:1');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const proxy = (req: http.IncomingMessage, res: http.ServerResponse): void => {
  const out = http.request(
    {
      host: upstream.hostname,
      port: upstream.port,
      path: req.url,
      method: req.method,
      headers: { host: upstream.host, accept: 'application/json' },
      agent,
    },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        res
          .writeHead(answer.statusCode ?? 502, {
            'content-type': answer.headers['content-type'] ?? 'application/json',
            'content-length': body.length,
          })
          .end(body);
      });
    },
  );
  out.on('error', () => res.writeHead(502).end());
  out.end();
};

// Loaded only for the Express floors, so that the bare floor holds no more than node:http.
async function expressApp(): Promise<Express> {
  const { default: express } = await import('express');
  const app = express();
  // As apps/bff/src/server.ts sets them, so that the framework's per-request work is the same.
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use((req, res) => proxy(req, res));
  return app;
}

const servers: Record<string, () => Promise<http.Server>> = {
  node: async () => http.createServer(proxy),
  express: async () => (await import('bff')).createHttpServer(await expressApp()),
  'express-default': async () => http.createServer(await expressApp()),
};
const framework = process.env.BENCH_PROXY_FRAMEWORK ?? 'node';
const server = servers[framework];
if (!server)
  throw new Error(
    `BENCH_PROXY_FRAMEWORK must be one of ${Object.keys(servers).join(', ')}, not ${framework}`,
  );
listenAndReport(await server());
