import express, { type Request, type RequestHandler, type Router } from 'express';
import { ConnectionsViewQuery, fieldErrors, type ConnectionsViewPage, type OperationId } from '@dsc/api-types';
import { requireRole } from '../auth/authorize.ts';
import { ApiError } from '../errors.ts';
import type { ConnectionListSource, ListTarget } from '../list-view/connection-list-source.ts';
import { filterRows, pageRows } from '../list-view/view-rows.ts';
import { contextOf } from '../request-context.ts';
import { auditAs } from './audit-mark.ts';
import { unsafeTextPaths } from './unsafe-text.ts';

/** Not a catalogue path: the catalogue's list stays a faithful pass-through of one upstream page. */
export const CONNECTIONS_VIEW_PATH = '/api/views/dli/enhanced-connections';

export interface ConnectionViewDeps {
  source: ConnectionListSource;
  /** The request's target (its caller and endpoints). */
  targetOf: (req: Request) => ListTarget;
  /** Mounted under `/api/t/:targetId`: the part of the path the mount has taken off (`/api`). */
  pathPrefix?: string;
}

function parseQuery(req: Request) {
  const unsafe = unsafeTextPaths(req.query, 'query');
  const parsed = ConnectionsViewQuery.safeParse(req.query);
  const fields = { ...unsafe, ...(parsed.success ? {} : fieldErrors(parsed.error.issues, 'query')) };
  const [first] = Object.entries(fields);
  if (first || !parsed.success) {
    throw new ApiError('VALIDATION', `Invalid request: ${first?.[0]} ${first?.[1]}`, { fields });
  }
  return parsed.data;
}

/**
 * GET /api/views/dli/enhanced-connections (viewer): one page of a target's whole connection list,
 * sorted and filtered over every row (ConnectionsViewQuery), lean rows (a host count, no hosts).
 * `asOf` and `Age` say how old the list is; `refresh=1` fetches it anew.
 */
export function connectionViewRoutes(deps: ConnectionViewDeps): Router {
  const router = express.Router();
  const path = deps.pathPrefix ? CONNECTIONS_VIEW_PATH.slice(deps.pathPrefix.length) : CONNECTIONS_VIEW_PATH;
  router.get(path, auditAs('views.listEnhancedConnections', false), async (req, res) => {
    const target = deps.targetOf(req);
    // The role on the request's target: a target the caller holds none on is refused.
    requireRole(req, 'viewer', req.user?.targets[target.id]);
    const q = parseQuery(req);
    const snap = await deps.source.get(
      target,
      { name: q.name, status: q.status, tags: q.tags },
      { refresh: q.refresh !== undefined, requestId: contextOf(req).requestId },
    );
    const matching = filterRows(snap.sorted(q.sort), q.queues);
    const body: ConnectionsViewPage = {
      connections: pageRows(matching, q),
      count: matching.length,
      total: snap.rows.length,
      page: q.page,
      pageSize: q.pageSize,
      asOf: new Date(snap.asOfMs).toISOString(),
    };
    res.setHeader('Age', String(Math.max(0, Math.floor((Date.now() - snap.asOfMs) / 1000))));
    res.json(body);
  });
  router.all(path, (req, _res, next) => {
    next(new ApiError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here; use GET`, { headers: { Allow: 'GET, HEAD' } }));
  });
  return router;
}

/** The catalogue's writes to enhanced connections: each changes what the list shows. */
const LIST_CHANGING: ReadonlySet<OperationId> = new Set<OperationId>([
  'dli.createEnhancedConnection',
  'dli.deleteEnhancedConnection',
  'dli.associateQueue',
  'dli.disassociateQueue',
  'dli.replaceHosts',
]);

/**
 * Drops the target's kept lists once a write through the BFF has been answered (whatever the
 * outcome: a timed-out write may still have happened), so the next view reads the cloud again.
 */
export function invalidateListsOnWrite(deps: ConnectionViewDeps): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.on('close', () => {
        const op = contextOf(req).operationId;
        if (op && LIST_CHANGING.has(op)) deps.source.invalidate(deps.targetOf(req).id);
      });
    }
    next();
  };
}
