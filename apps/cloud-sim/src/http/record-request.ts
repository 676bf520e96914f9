import type { RequestHandler, Response } from 'express';
import { redactBody } from '../body-redaction.ts';
import { headersRecord, queryRecord, sha256Hex } from '../request-log.ts';
import type { RequestRecord } from '../request-log.ts';
import type { SimRuntime } from '../runtime.ts';
import { requestIdOf } from './request-id.ts';

const EMPTY = Buffer.alloc(0);

export function rawBodyOf(res: Response): Buffer {
  return Buffer.isBuffer(res.locals.rawBody) ? res.locals.rawBody : EMPTY;
}

export function recordOf(res: Response): RequestRecord {
  return res.locals.record as RequestRecord;
}

/**
 * Logs every non-admin request into the ring buffer as it arrives (so even dropped connections
 * are visible) and fills in the status when the response closes.
 */
export function recordRequest(rt: SimRuntime, logRequests: boolean): RequestHandler {
  return (req, res, next) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : EMPTY;
    res.locals.rawBody = raw;
    const url = new URL(req.originalUrl, 'http://sim.invalid');
    const body = redactBody(raw.toString('utf8'));
    const record: RequestRecord = {
      time: new Date(rt.clock.now()).toISOString(),
      requestId: requestIdOf(res),
      method: req.method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers: headersRecord(req.headers),
      bodyText: body.text,
      bodyRedacted: body.redacted,
      bodySha256: sha256Hex(raw),
      signature: 'missing',
      operation: null,
      status: null,
    };
    rt.log.add(record);
    res.locals.record = record;
    const started = performance.now();
    res.on('close', () => {
      record.status = res.headersSent ? res.statusCode : null;
      if (logRequests) {
        const ms = (performance.now() - started).toFixed(1);
        const status = record.status ?? 'dropped';
        console.log(`[cloud-sim] ${req.method} ${url.pathname} ${status} ${record.operation ?? '-'} ${ms}ms rid=${record.requestId}`);
      }
    });
    next();
  };
}
