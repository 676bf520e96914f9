import type { IncomingMessage } from 'node:http';
import type { UpstreamResponse } from './upstream-response.ts';

/** Upstream answers larger than this are refused rather than buffered (64 MiB). */
export const MAX_UPSTREAM_BODY_BYTES = 64 * 1024 * 1024;

export type ReadOutcome = { ok: true; response: UpstreamResponse } | { ok: false; status: number; message: string };

/** What `readUpstreamResponse` calls `done` with when the body broke off or was too large. */
export type BrokenRead = Extract<ReadOutcome, { ok: false }>;

/**
 * Buffers an upstream answer. Whole bodies only: a connection that breaks before the declared
 * end, or a body over the cap, is reported instead of half-forwarded. Calls `done` exactly once.
 */
export function readUpstreamResponse(proxyRes: IncomingMessage, done: (outcome: ReadOutcome) => void): void {
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
