/**
 * The upstream client the BFF used until it moved to undici (decision 005), kept unchanged as
 * the baseline of bench/upstream-client.ts: node:http with a keep-alive agent per endpoint (64
 * sockets, LIFO, as many kept free), the signed request written whole, one timer for the whole
 * exchange, the answer buffered whole with a size cap (the old upstream-client.ts,
 * upstream-agent.ts and read-upstream-response.ts of apps/bff, joined).
 */
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage } from 'node:http';

interface UpstreamRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: Buffer;
}
interface UpstreamResponse {
  status: number;
  contentType: string | undefined;
  requestId: string | undefined;
  retryAfter: string | undefined;
  date?: string | undefined;
  body: Buffer;
}

export function createNodeAgent(endpoint: URL): http.Agent {
  const options = { keepAlive: true, maxSockets: 64, maxFreeSockets: 64, scheduling: 'lifo' as const };
  return endpoint.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}

const MAX_UPSTREAM_BODY_BYTES = 64 * 1024 * 1024;
type ReadOutcome = { ok: true; response: UpstreamResponse } | { ok: false; status: number; message: string };


/**
 * Buffers an upstream answer. Whole bodies only: a connection that breaks before the declared
 * end, or a body over the cap, is reported instead of half-forwarded. Calls `done` exactly once.
 */
function readUpstreamResponse(proxyRes: IncomingMessage, done: (outcome: ReadOutcome) => void): void {
  const status = proxyRes.statusCode ?? 502;
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (outcome: ReadOutcome) => {
    if (finished) return;
    finished = true;
    done(outcome);
  };
  const broken = () => finish({ ok: false, status, message: 'The connection to the cloud service broke before the answer was complete' });

  proxyRes.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPSTREAM_BODY_BYTES) {
      finish({ ok: false, status, message: 'The cloud service sent an answer larger than the console accepts' });
      proxyRes.destroy();
      return;
    }
    chunks.push(chunk);
  });
  proxyRes.on('end', () => {
    const requestId = proxyRes.headers['x-request-id'];
    const retryAfter = proxyRes.headers['retry-after'];
    const date = proxyRes.headers.date;
    finish({
      ok: true,
      response: {
        status,
        contentType: proxyRes.headers['content-type'],
        requestId: typeof requestId === 'string' && requestId ? requestId.slice(0, 200) : undefined,
        retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined,
        date: typeof date === 'string' ? date : undefined,
        body: Buffer.concat(chunks),
      },
    });
  });
  proxyRes.on('error', broken);
  proxyRes.on('close', () => {
    if (!proxyRes.complete) broken();
  });
}
export type Exchange =
  | { kind: 'response'; response: UpstreamResponse }
  | { kind: 'broken'; status: number; requestId: string | undefined; message: string }
  | { kind: 'timeout'; sent: boolean }
  | { kind: 'connection'; code: string; sent: boolean };

/** Errors that happen before a connection exists: nothing can have reached the upstream. */
const BEFORE_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function errorCode(err: Error & { code?: unknown }): string {
  return typeof err.code === 'string' && /^[A-Z_]{2,40}$/.test(err.code) ? err.code : 'connection failed';
}

/**
 * Sends exactly the signed request — these headers, this body, `Content-Length` set, never
 * chunked, redirects not followed — and buffers the whole answer, within `timeoutMs` for
 * everything (a socket from the pool, connect, answer and body).
 */
export function sendWithNodeHttp(u: UpstreamRequest, agent: http.Agent, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    let settled = false;
    let written = false;
    const finish = (e: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(e);
    };
    const transport = u.url.protocol === 'https:' ? https : http;
    const req = transport.request(u.url, { method: u.method, headers: u.headers, agent });
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', sent: written });
      req.destroy();
    }, Math.max(1, timeoutMs));

    req.on('finish', () => {
      written = true;
    });
    req.on('error', (err: Error & { code?: unknown }) => {
      const code = errorCode(err);
      finish({ kind: 'connection', code, sent: written && !BEFORE_CONNECT.has(code) });
    });
    req.on('response', (res) => {
      const headerId = res.headers['x-request-id'];
      const requestId = typeof headerId === 'string' && headerId ? headerId.slice(0, 200) : undefined;
      readUpstreamResponse(res, (outcome) => {
        if (outcome.ok) finish({ kind: 'response', response: outcome.response });
        else finish({ kind: 'broken', status: outcome.status, requestId, message: outcome.message });
      });
    });
    req.end(u.body.length > 0 ? u.body : undefined);
  });
}
