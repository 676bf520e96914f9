import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { verify } from '@dsc/signer';
import { rawBodyOf, recordOf } from '../http/record-request.ts';
import type { SimRuntime } from '../runtime.ts';
import { SIGNATURE_EXPIRED_MSG, SIGNATURE_FAIL_MSG, sendGatewayError } from './gateway-errors.ts';

export interface Credential {
  ak: string;
  sk: string;
  securityToken?: string;
}

/** The AK a request claims, read before verification so failures can be counted against it. */
export function akFromAuthorization(value: string | undefined): string | undefined {
  return value === undefined ? undefined : /Access=([^,\s]+)/.exec(value)?.[1];
}

function plainHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(',') : v;
  return out;
}

function absoluteUrl(req: Request): string {
  return `http://${req.headers.host ?? 'localhost'}${req.originalUrl}`;
}

/**
 * The gateway's AK/SK check over the exact bytes received. Failures answer 401 APIGW.0301
 * (APIGW.0303 when the X-Sdk-Date is too far from the simulator's clock) and count towards the
 * AK's lockout.
 */
export function verifySignature(rt: SimRuntime, credentials: readonly Credential[]): RequestHandler {
  const byAk = new Map(credentials.map((c) => [c.ak, c]));
  const lookup = (ak: string) => {
    const c = byAk.get(ak);
    if (!c) return undefined;
    return c.securityToken === undefined ? { sk: c.sk } : { sk: c.sk, securityToken: c.securityToken };
  };
  return (req, res, next) => {
    const record = recordOf(res);
    const now = rt.clock.now();
    const claimedAk = akFromAuthorization(req.headers.authorization);
    if (claimedAk !== undefined && rt.lockout.isLocked(claimedAk, now)) {
      record.signature = 'locked';
      rt.stats.signatureFailures += 1;
      sendGatewayError(res, 401, 'APIGW.0301', SIGNATURE_FAIL_MSG);
      return;
    }
    const result = verify(
      { method: req.method, url: absoluteUrl(req), headers: plainHeaders(req.headers), body: rawBodyOf(res) },
      lookup,
      { now: new Date(now) },
    );
    if (result.ok) {
      record.signature = 'ok';
      rt.lockout.success(result.ak);
      next();
      return;
    }
    record.signature = result.reason;
    rt.stats.signatureFailures += 1;
    if (claimedAk !== undefined) rt.lockout.failure(claimedAk, now);
    if (result.reason === 'expired') sendGatewayError(res, 401, 'APIGW.0303', SIGNATURE_EXPIRED_MSG);
    else sendGatewayError(res, 401, 'APIGW.0301', SIGNATURE_FAIL_MSG);
  };
}
