import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from './config.ts';
import { contextOf } from './request-context.ts';

const SECRET_KEYS = ['password', 'sk', 'securityToken', 'sessionSecret', 'credentials', 'authorization', 'cookie'];
const SECRET_HEADERS = ['authorization', 'cookie', '["set-cookie"]', '["x-security-token"]'];

/**
 * Bodies and headers are never logged, and every log call names its fields, so the one object
 * that can carry unknown keys is an error under `err` (the access line's and main's). Redaction
 * covers it and its cause only: top-level wildcards made the redactor clone every log object,
 * a measurable share of the BFF's CPU per request.
 */
export const REDACT_PATHS = ['err', 'err.cause'].flatMap((base) => [
  ...SECRET_KEYS.map((k) => `${base}.${k}`),
  ...SECRET_HEADERS.map((h) => `${base}.headers${h.startsWith('[') ? h : `.${h}`}`),
]);

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'bff' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

function summary(req: IncomingMessage & { originalUrl?: string }, res: ServerResponse, durationMs: number) {
  const ctx = contextOf(req);
  return {
    method: req.method,
    path: (req.originalUrl ?? req.url ?? '').split('?')[0],
    status: res.statusCode,
    durationMs,
    operationId: ctx.operationId,
    upstreamRequestId: ctx.upstreamRequestId,
    errorCode: ctx.errorCode,
  };
}

/** One JSON line per request: method, path, status, duration, request ids, operation id. */
export function httpLogger(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (req) => contextOf(req).requestId,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, val: { responseTime: number }) => summary(req, res, val.responseTime),
    customErrorObject: (req, res, _err, val: { responseTime: number }) => ({
      ...summary(req, res, val.responseTime),
      ...(res.err ? { err: res.err } : {}),
    }),
  }) as unknown as RequestHandler;
}
