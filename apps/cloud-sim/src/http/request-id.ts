import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

/** Every response carries X-Request-Id (random hex; not simulator state, so crypto is fine). */
export const requestId: RequestHandler = (_req, res, next) => {
  const id = randomBytes(16).toString('hex');
  res.locals.requestId = id;
  res.setHeader('X-Request-Id', id);
  next();
};

export function requestIdOf(res: { locals: Record<string, unknown> }): string {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : '';
}
