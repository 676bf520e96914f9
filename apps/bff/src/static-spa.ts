import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { ApiError } from './errors.ts';

/** Vite puts content-hashed files under assets/: they never change, so they cache for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA from `webDistDir` (without its source maps unless `sourceMaps`), and index.html for any other GET that asks for HTML
 * (history routing: a pasted deep link loads the app, which then reads its URL).
 */
export function staticSpa(webDistDir: string, opts: { sourceMaps: boolean } = { sourceMaps: false }): Router {
  const router = express.Router();
  // Source maps carry the full sources (sourcesContent): only served when SERVE_SOURCE_MAPS says so.
  if (!opts.sourceMaps) {
    router.use((req, _res, next) => {
      next(req.path.endsWith('.map') ? new ApiError('NOT_FOUND', 'Not found') : undefined);
    });
  }
  const assetsDir = path.join(webDistDir, 'assets') + path.sep;
  const indexHtml = path.join(webDistDir, 'index.html');

  router.use(
    express.static(webDistDir, {
      index: false,
      redirect: false,
      setHeaders: (res, filePath) => {
        res.setHeader('Cache-Control', filePath.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
      },
    }),
  );

  router.use((req, res, next) => {
    const wantsHtml = (req.get('accept') ?? '').includes('text/html');
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api/') || !wantsHtml) {
      next();
      return;
    }
    if (!existsSync(indexHtml)) {
      next(new ApiError('NOT_FOUND', 'The web console has not been built; run `pnpm build` first'));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  return router;
}
