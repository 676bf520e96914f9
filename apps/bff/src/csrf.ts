import type { RequestHandler } from 'express';
import { ApiError } from './errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Runs before routing on every /api request (design.md). A custom header cannot be sent
 * cross-origin without a CORS preflight, which the BFF never grants; browsers that report
 * `Sec-Fetch-Site: cross-site` (in any letter case) on a state-changing request are refused as a
 * second line.
 */
export const csrfGuard: RequestHandler = (req, _res, next) => {
  if (req.get('x-csrf') !== '1') {
    next(new ApiError('CSRF_REQUIRED', 'Requests to /api must carry the header X-CSRF: 1'));
    return;
  }
  if (!SAFE_METHODS.has(req.method) && req.get('sec-fetch-site')?.toLowerCase() === 'cross-site') {
    next(new ApiError('CROSS_SITE_REQUEST', 'Cross-site requests may not change anything'));
    return;
  }
  next();
};
