import compression from 'compression';
import type { RequestHandler, Response } from 'express';
import { isAudited } from './audit/audit-entry.ts';
import { operations } from './operations.ts';

/** Below this many bytes the library sends an answer as it is (its own default threshold). */
export const COMPRESS_THRESHOLD_BYTES = 1024;

/** Negotiated gzip/brotli: a 20-row list page went out at 834 KB before (issue 20). */
const compress: RequestHandler = compression({ threshold: COMPRESS_THRESHOLD_BYTES });

/**
 * A catalogue operation's path under the `/api` mount, with or without `/t/:targetId`: its first
 * segment is one the catalogue's own paths start with (`/api/dli/…`, `/api/mrs/…`, `/api/dws/…`).
 */
const CATALOGUE_PATH = new RegExp(
  `^/(?:t/[^/]+/)?(?:${[...new Set(operations.map((op) => op.def.path.split('/')[2]))].join('|')})/`,
);

/**
 * For `/api`, ahead of the audit trail (whose hold on the answer must be the outermost wrapper of
 * `res.end`): compression for the answers the BFF builds itself (views, audit, fleet, doctor,
 * session). Catalogue answers are left to endCompressible, which knows their size.
 */
export const compressBuiltAnswers: RequestHandler = (req, res, next) => {
  if (CATALOGUE_PATH.test(req.path)) next();
  else void compress(req, res, next);
};

/**
 * Ends `res` with an upstream answer, whole in memory, through the same library when it is big
 * enough to be compressed. Below the threshold the library would send it unchanged anyway, but
 * wrapping every answer cost each small read some 8 µs of CPU and 8 kB of garbage (issue 23).
 * An audited answer (a change, a refusal) goes as it is: wrapping `res.end` this late would put
 * the compression outside the audit trail's hold, and those answers are small.
 */
export function endCompressible(res: Response, body: Buffer): void {
  if (body.length < COMPRESS_THRESHOLD_BYTES || isAudited(res.req, res)) {
    res.end(body);
    return;
  }
  void compress(res.req, res, () => res.end(body));
}
