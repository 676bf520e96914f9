import type { Pool as UndiciPool } from 'undici';
// Pool's own module, not undici's index: that one also loads fetch, WebSocket, EventSource, the
// caches and the mocks (about 600 KB of the bundle, never used here). undici has no "exports"
// map, so the module can be imported alone, but it carries no types: it is the index's Pool.
// @ts-expect-error -- no types for the module alone (see above)
import poolClass from 'undici/lib/dispatcher/pool.js';

const Pool = poolClass as typeof UndiciPool;

/** Upstream answers larger than this are refused rather than buffered (64 MiB). */
export const MAX_UPSTREAM_BODY_BYTES = 64 * 1024 * 1024;

const MAX_CONNECTIONS = 64;

/**
 * One undici keep-alive pool per service endpoint (its origin; the endpoint's path prefix is in
 * each request's path). undici hands a request the first idle connection in its list, so a few
 * stay warm and the rest time out idle (keepAliveTimeout, or the server's Keep-Alive hint) rather
 * than being closed by the far side under us. Requests are not pipelined. The pool cuts off an
 * answer over MAX_UPSTREAM_BODY_BYTES; redirects are not followed (undici follows none unless a
 * redirect interceptor is added). TLS verification is undici's default (on).
 */
export function createUpstreamPool(endpoint: URL): UndiciPool {
  return new Pool(endpoint.origin, {
    connections: MAX_CONNECTIONS,
    pipelining: 1,
    maxResponseSize: MAX_UPSTREAM_BODY_BYTES,
  });
}
