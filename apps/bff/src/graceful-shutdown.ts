import type http from 'node:http';
import type { Logger } from 'pino';
import type { BffServer } from './server.ts';

export interface ShutdownOptions {
  server: http.Server;
  bff: BffServer;
  logger: Logger;
  /** In-flight requests get this long (SHUTDOWN_TIMEOUT_MS); then connections are cut. */
  deadlineMs: number;
  reason: string;
}

/**
 * Stops taking new connections, lets requests in flight finish (each answer then closes its
 * connection; /readyz says 503 meanwhile), cuts what is left at the deadline, and finally closes
 * the BFF (upstream sockets, store, and the audit file once every pending line is synced).
 */
export async function shutDownGracefully(o: ShutdownOptions): Promise<void> {
  o.logger.info({ reason: o.reason, inFlight: o.bff.inFlight() }, 'shutting down: no new connections, finishing requests in flight');
  o.bff.drain();
  const closed = new Promise<void>((resolve) => o.server.close(() => resolve()));
  o.server.closeIdleConnections();
  const deadline = setTimeout(() => {
    o.logger.warn({ inFlight: o.bff.inFlight() }, 'shutdown deadline reached: closing the remaining connections');
    o.server.closeAllConnections();
  }, o.deadlineMs);
  deadline.unref();
  await closed;
  clearTimeout(deadline);
  await o.bff.close();
  o.logger.info('stopped');
}
