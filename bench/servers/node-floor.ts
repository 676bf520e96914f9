// The floor under any Node server on this machine: node:http answering the canned bodies from
// memory, nothing else. The BFF's figures minus these are what its own layers cost.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { listenAndReport } from './listen.ts';

const routes = new Map<string, Buffer>(
  (JSON.parse(process.env.BENCH_ROUTES ?? '[]') as Array<[string, string]>).map(([path, file]) => [
    path,
    readFileSync(file),
  ]),
);

const server = http.createServer((req, res) => {
  const body = routes.get((req.url ?? '').split('?')[0]!);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res
    .writeHead(200, { 'content-type': 'application/json', 'content-length': body.length })
    .end(body);
});
listenAndReport(server);
