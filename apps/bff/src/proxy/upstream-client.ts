import type { Dispatcher } from 'undici';
import type { UpstreamRequest } from './build-upstream-request.ts';
import type { UpstreamResponse } from './upstream-response.ts';

/**
 * How one attempt ended. `sent` says whether the whole request may have reached the upstream
 * (so a change may have been made): false only when it certainly did not.
 */
export type Exchange =
  | { kind: 'response'; response: UpstreamResponse }
  | { kind: 'broken'; status: number; requestId: string | undefined; message: string }
  | { kind: 'timeout'; sent: boolean }
  | { kind: 'connection'; code: string; sent: boolean };

/** Errors that happen before a connection exists: nothing can have reached the upstream. */
const BEFORE_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
const TIMEOUTS = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);
/** undici's own codes, said in words a log reader knows. */
const CODE_WORDS: Record<string, string> = { UND_ERR_SOCKET: 'the connection closed', UND_ERR_CLOSED: 'the pool is closed', UND_ERR_DESTROYED: 'the pool is closed' };

function errorCode(err: Error & { code?: unknown }): string {
  if (typeof err.code !== 'string') return 'connection failed';
  return CODE_WORDS[err.code] ?? (/^[A-Z_]{2,40}$/.test(err.code) ? err.code : 'connection failed');
}

const BROKEN = 'The connection to the cloud service broke before the answer was complete';
const TOO_LARGE = 'The cloud service sent an answer larger than the console accepts';

/** The few response headers the BFF reads, from undici's raw [name, value, …] list. */
function pickHeaders(raw: Buffer[]): { contentType?: string; requestId?: string; retryAfter?: string; date?: string } {
  const out: { contentType?: string; requestId?: string; retryAfter?: string; date?: string } = {};
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    // Only names of the right lengths are decoded: most headers are skipped without a string.
    const n = name.length;
    if (n !== 12 && n !== 11 && n !== 4) continue;
    const lower = name.toString('latin1').toLowerCase();
    if (lower === 'content-type') out.contentType = raw[i + 1]!.toString('latin1');
    else if (lower === 'x-request-id') out.requestId = raw[i + 1]!.toString('latin1').slice(0, 200) || undefined;
    else if (lower === 'retry-after') out.retryAfter = raw[i + 1]!.toString('latin1');
    else if (lower === 'date') out.date = raw[i + 1]!.toString('latin1');
  }
  return out;
}

/**
 * Sends exactly the signed request through the service's undici pool — these headers, this body,
 * `Content-Length` set, never chunked, redirects not followed (undici follows none unless asked) —
 * and buffers the whole answer (the pool caps its size), within `timeoutMs` for everything (a
 * connection from the pool, connect, answer and body). undici's raw dispatch API, not
 * `request()`: the answer is joined from its chunks without a stream in between.
 */
export function sendOnce(u: UpstreamRequest, pool: Dispatcher, timeoutMs: number): Promise<Exchange> {
  return new Promise((resolve) => {
    let settled = false;
    let timedOut = false;
    let connected = false;
    let abort: ((err?: Error) => void) | undefined;
    let status = 0;
    let picked: ReturnType<typeof pickHeaders> = {};
    const chunks: Buffer[] = [];
    const finish = (e: Exchange) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(e);
    };
    const budget = Math.max(1, Math.ceil(timeoutMs));
    const timer = setTimeout(() => {
      timedOut = true;
      finish({ kind: 'timeout', sent: connected });
      abort?.(new Error('upstream deadline'));
    }, budget);

    const handler: Dispatcher.DispatchHandler = {
      // Called once a connection is ready and the request is about to be written: from here on
      // the upstream may act on it.
      onConnect(a) {
        if (timedOut) {
          a(new Error('upstream deadline'));
          return;
        }
        abort = a;
        connected = true;
      },
      onHeaders(statusCode, rawHeaders) {
        if (statusCode < 200) return true; // 1xx: the real answer follows
        status = statusCode;
        picked = pickHeaders(rawHeaders as unknown as Buffer[]);
        return true;
      },
      onData(chunk) {
        chunks.push(chunk);
        return true;
      },
      onComplete() {
        finish({
          kind: 'response',
          response: {
            status,
            contentType: picked.contentType,
            requestId: picked.requestId,
            retryAfter: picked.retryAfter,
            date: picked.date,
            body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
          },
        });
      },
      onError(err: Error & { code?: unknown }) {
        if (settled) return;
        const code = typeof err.code === 'string' ? err.code : '';
        if (TIMEOUTS.has(code)) return finish({ kind: 'timeout', sent: connected && code !== 'UND_ERR_CONNECT_TIMEOUT' });
        if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') return finish({ kind: 'broken', status: status || 502, requestId: picked.requestId, message: TOO_LARGE });
        // The answer had begun: it is reported broken, never half-forwarded.
        if (status !== 0) return finish({ kind: 'broken', status, requestId: picked.requestId, message: BROKEN });
        const named = errorCode(err);
        finish({ kind: 'connection', code: named, sent: connected && !BEFORE_CONNECT.has(code) });
      },
    };
    pool.dispatch(
      {
        path: u.url.pathname + u.url.search,
        method: u.method,
        headers: u.headers,
        body: u.body.length > 0 ? u.body : null,
        // Our own timer holds the whole budget; undici's are set to it as well so that a stalled
        // socket is also noticed (and freed) by the pool itself.
        headersTimeout: budget,
        bodyTimeout: budget,
      },
      handler,
    );
  });
}
