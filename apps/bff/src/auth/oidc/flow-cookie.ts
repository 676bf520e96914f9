import type { IncomingMessage } from 'node:http';
import { FLOW_TTL_MS } from './flow-store.ts';

/**
 * The browser's half of a sign-in in progress: the flow id, sent back only to the OIDC routes.
 * SameSite=Lax, not Strict: the callback is a top-level navigation coming from the provider's
 * site, and a Strict cookie would not be sent with it.
 */
export const FLOW_COOKIE = 'dsc_oidc';
const PATH = '/api/session/oidc';

export function flowCookie(id: string, opts: { secure: boolean }): string {
  return [
    `${FLOW_COOKIE}=${id}`,
    `Path=${PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(FLOW_TTL_MS / 1000)}`,
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedFlowCookie(opts: { secure: boolean }): string {
  return [
    `${FLOW_COOKIE}=`,
    `Path=${PATH}`,
    'HttpOnly',
    'SameSite=Lax',
    'Max-Age=0',
    ...(opts.secure ? ['Secure'] : []),
  ].join('; ');
}

export function readFlowId(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === FLOW_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}
