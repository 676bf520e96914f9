import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { contextOf } from './request-context.ts';

/**
 * Disconnects a client that has not taken its answer `ms` after the BFF finished writing it.
 * An answer is handed to the socket whole (upstream bodies are buffered, up to 64 MiB), and Node
 * holds whatever the client has not read: a client that never reads would pin that memory for
 * as long as it keeps the connection open. The clock starts when the last byte is handed over
 * ('prefinish') and stops when the kernel has taken it all ('finish'); destroying the socket
 * frees the buffer. RESPONSE_SEND_TIMEOUT_MS.
 */
export function sendTimeout(ms: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    res.once('prefinish', () => {
      if (res.writableFinished) return;
      const timer = setTimeout(() => {
        // The access line then says why the answer was cut.
        contextOf(req).errorCode = 'RESPONSE_SEND_TIMEOUT';
        logger.warn(
          { requestId: contextOf(req).requestId, pendingBytes: res.socket?.writableLength, timeoutMs: ms },
          'client did not take its answer in time: disconnected',
        );
        res.destroy();
      }, ms);
      const stop = () => clearTimeout(timer);
      res.once('finish', stop);
      res.once('close', stop);
    });
    next();
  };
}
