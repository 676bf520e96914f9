// The floor under any Node proxy on this machine: node:http in front of the canned upstream with
// a keep-alive agent, buffering each answer whole before sending it on (as the BFF does), and
// nothing else: no router, session, validation, signing or log. The BFF's figures minus these are
// what its own layers cost; these minus nginx's proxy (b) are what Node's HTTP stack costs.
import http from 'node:http';

const upstream = new URL(process.env.BENCH_UPSTREAM ?? 'http://127.0.0.1:1');
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

const server = http.createServer((req, res) => {
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
});
server.keepAliveTimeout = 300_000;
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
});
process.on('SIGTERM', () => process.exit(0));
