import http from 'node:http';
import https from 'node:https';
import type { UpstreamRequest } from './build-upstream-request.ts';
import { readUpstreamResponse } from './read-upstream-response.ts';
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
const BEFORE_CONNECT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

function errorCode(err: Error & { code?: unknown }): string {
  return typeof err.code === 'string' && /^[A-Z_]{2,40}$/.test(err.code) ? err.code : 'connection failed';
}

/**
 * Sends exactly the signed request — these headers, this body, `Content-Length` set, never
 * chunked, redirects not followed — and buffers the whole answer, within `timeoutMs` for
 * everything (a socket from the pool, connect, answer and body).
 */
export function sendOnce(u: UpstreamRequest, agent: http.Agent, timeoutMs: number): Promise<Exchange> {
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
