import express, { type Request, type Router } from 'express';
import { SavedViews, fieldErrors } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import type { KvStore } from '../store/kv-store.ts';
import { auditAs } from './audit-mark.ts';
import { unsafeTextPaths } from './unsafe-text.ts';

export const SAVED_VIEWS_PATH = '/api/saved-views';
/** Kept a year from the last save: the store needs an expiry, and a year untouched is forgotten. */
const KEEP_MS = 365 * 24 * 3_600_000;
const readJson = express.json({ limit: 256 * 1024, strict: true });

const keyOf = (username: string) => `saved-views:${username}`;

function userOf(req: Request) {
  if (!req.user) throw new ApiError('UNAUTHENTICATED', 'Sign in to continue');
  return req.user;
}

/**
 * GET /api/saved-views: the caller's named list views (their own, per username); PUT replaces the
 * whole list. Any signed-in user, whatever their role: a view is a link, it grants nothing.
 * In the BFF's store (memory, or Redis with REDIS_URL), so they follow the user between browsers.
 */
export function savedViewRoutes(deps: { store: KvStore }): Router {
  const router = express.Router();
  router.get(SAVED_VIEWS_PATH, async (req, res) => {
    const user = userOf(req);
    const raw = await deps.store.get(keyOf(user.username));
    const parsed = raw ? SavedViews.safeParse(JSON.parse(raw)) : undefined;
    res.json(parsed?.success ? parsed.data : { views: [] });
  });
  router.put(SAVED_VIEWS_PATH, auditAs('savedViews.replace', true), readJson, async (req, res) => {
    const user = userOf(req);
    const unsafe = unsafeTextPaths(req.body, '');
    const parsed = SavedViews.safeParse(req.body);
    const fields = { ...unsafe, ...(parsed.success ? {} : fieldErrors(parsed.error.issues)) };
    const [first] = Object.entries(fields);
    if (first || !parsed.success) throw new ApiError('VALIDATION', `Invalid request: ${first?.[0]} ${first?.[1]}`, { fields });
    await deps.store.set(keyOf(user.username), JSON.stringify(parsed.data), KEEP_MS);
    res.json(parsed.data);
  });
  router.all(SAVED_VIEWS_PATH, (req, _res, next) => {
    next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET or PUT`, { headers: { Allow: 'GET, HEAD, PUT' } }));
  });
  return router;
}
