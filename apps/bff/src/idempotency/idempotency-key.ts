import type { RequestHandler } from 'express';
import type { OperationId } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { contextOf } from '../request-context.ts';

/** The creates that take an Idempotency-Key (and whose lost answers are looked up by name). */
export const CREATE_OPERATIONS: ReadonlySet<OperationId> = new Set([
  'dli.createEnhancedConnection',
  'mrs.createDataConnector',
  'dws.createExtDataSource',
]);

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Reads the Idempotency-Key header of a create (optional; the web form always sends one). A
 * malformed key is refused before anything is sent, like any other invalid input.
 */
export function idempotencyKeyStep(id: OperationId): RequestHandler {
  return (req, _res, next) => {
    const raw = req.headers['idempotency-key'];
    if (raw === undefined || !CREATE_OPERATIONS.has(id)) {
      next();
      return;
    }
    if (typeof raw !== 'string' || !IDEMPOTENCY_KEY.test(raw)) {
      next(
        new ApiError('VALIDATION', 'Invalid request: the Idempotency-Key header must be 8–128 letters, digits, _ or -', {
          fields: { 'headers.idempotency-key': 'must be 8–128 letters, digits, _ or -' },
        }),
      );
      return;
    }
    contextOf(req).idempotencyKey = raw;
    next();
  };
}
