import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { LogLevel } from './config.ts';
import { contextOf } from './request-context.ts';

/**
 * Bodies and headers are never logged; these paths are redacted in case an object carrying them
 * ever is (an error's cause, a config dump).
 */
export const REDACT_PATHS = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'cookie', '*.cookie', 'headers.cookie', '*.headers.cookie',
  '["set-cookie"]', '*["set-cookie"]', 'headers["set-cookie"]', '*.headers["set-cookie"]',
  '["x-security-token"]', '*["x-security-token"]', 'headers["x-security-token"]', '*.headers["x-security-token"]',
  'password', '*.password', 'sk', '*.sk', 'securityToken', '*.securityToken',
  'sessionSecret', '*.sessionSecret', 'credentials', '*.credentials',
];

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
