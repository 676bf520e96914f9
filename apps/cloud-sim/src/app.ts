import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import { buildAdminRouter } from './admin/routes.ts';
import { createControl } from './control.ts';
import type { SimControl } from './control.ts';
import { sendGatewayError } from './gateway/gateway-errors.ts';
import { verifySignature } from './gateway/verify-signature.ts';
import { recordRequest } from './http/record-request.ts';
import { requestId } from './http/request-id.ts';
import { buildApiRouter } from './routes.ts';
import { SimRuntime } from './runtime.ts';
import type { Timing } from './timing.ts';

export const DEFAULT_PROJECT_ID = '0a7f3c9e5b2d4f6e8a1c3b5d7e9f2a4c';
/** AK/SK signing covers bodies up to 12 MB upstream; a little headroom for 20,000 hosts. */
const BODY_LIMIT = '16mb';

export interface SimOptions {
  /** Default: a fixed 32-hex demo project id. */
  projectId?: string;
  credentials: { ak: string; sk: string; securityToken?: string }[];
  seed?: number;
  enhancedConnections?: number;
  timing?: Timing;
  logRequests?: boolean;
}

function assertOptions(opts: SimOptions): void {
  if (!Array.isArray(opts.credentials) || opts.credentials.length === 0) {
    throw new Error('cloud-sim: at least one credential (ak, sk) is required');
  }
  for (const [i, c] of opts.credentials.entries()) {
    // Field names only: credential values never go into an error message.
    if (!c.ak || !c.sk) throw new Error(`cloud-sim: credentials[${i}] needs both ak and sk`);
  }
  if (opts.projectId !== undefined && !/^[A-Za-z0-9]{1,64}$/.test(opts.projectId)) {
    throw new Error('cloud-sim: projectId must be 1-64 letters or digits');
  }
}

/**
 * The simulator as an Express app (no listen). Order: request id → admin API (/_sim, unsigned)
 * → raw body (the signature covers exact bytes, so nothing parses JSON before this) → request
 * log → signature → catalogue routes → 404 like the gateway.
 */
export function createSimApp(opts: SimOptions): { app: Express; control: SimControl } {
  assertOptions(opts);
  const projectId = opts.projectId ?? DEFAULT_PROJECT_ID;
  const rt = new SimRuntime({
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.enhancedConnections !== undefined ? { enhancedConnections: opts.enhancedConnections } : {}),
    ...(opts.timing !== undefined ? { timing: opts.timing } : {}),
  });
  const control = createControl(rt, projectId);
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestId);
  app.use('/_sim', buildAdminRouter(control));
  app.use(express.raw({ type: () => true, limit: BODY_LIMIT }));
  app.use(recordRequest(rt, opts.logRequests ?? false));
  app.use(verifySignature(rt, opts.credentials));
  app.use(buildApiRouter(rt, projectId));
  app.use((_req, res) => {
    rt.stats.unmatched += 1;
    sendGatewayError(res, 404, 'APIGW.0101', 'The API does not exist or has not been published in the environment');
  });
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err !== null && 'status' in err ? Number(err.status) : 500;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (status === 413) sendGatewayError(res, 413, 'APIGW.0201', 'Request entity too large');
    else if (status >= 400 && status < 500) sendGatewayError(res, status, 'APIGW.0201', 'Bad request');
    else {
      console.error('[cloud-sim] unexpected error', err instanceof Error ? err.message : err);
      sendGatewayError(res, 500, 'APIGW.0103', 'The backend service is unavailable');
    }
  });
  return { app, control };
}
