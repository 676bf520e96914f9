import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';
import type { OperationDef } from '@dsc/api-types';
import { ApiError } from '../errors.ts';

/**
 * Largest request body the BFF reads: 16 MiB. The biggest legitimate one, a create or host
 * replacement with the 20,000-host maximum, is about 1 MB; the margin covers tags and long names.
 */
export const BODY_LIMIT_BYTES = 16 * 1024 * 1024;

const parseJson = express.json({ limit: BODY_LIMIT_BYTES, strict: true, type: () => true });

/** Whether the request announces a body (a zero Content-Length does not count). */
export function announcesBody(req: IncomingMessage): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const len = req.headers['content-length'];
  return len !== undefined && len !== '0';
}

/**
 * Reads the JSON body of operations that take one and refuses bodies on those that do not, so
 * nothing the browser sends is forwarded unless the catalogue says the upstream takes it.
 */
export function jsonBody(def: OperationDef): RequestHandler {
  return (req, res, next) => {
    if (!def.body) {
      if (announcesBody(req)) {
        next(new ApiError('VALIDATION', 'This operation takes no request body', { fields: { '(root)': 'must be empty' } }));
        return;
      }
      next();
      return;
    }
    if (!announcesBody(req)) {
      next(new ApiError('VALIDATION', 'A JSON request body is required', { fields: { '(root)': 'is required' } }));
      return;
    }
    if (!req.is('application/json')) {
      next(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent as Content-Type: application/json'));
      return;
    }
    parseJson(req, res, next);
  };
}
