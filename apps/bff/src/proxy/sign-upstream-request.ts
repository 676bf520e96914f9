import { sign } from '@dsc/signer';
import type { Credentials } from '../config.ts';
import type { UpstreamRequest } from './build-upstream-request.ts';

/**
 * The gateway verifies signatures over bodies up to 12 MB (upstream-api.md); larger ones are
 * refused here rather than sent unverifiable.
 */
export const SIGNABLE_BODY_LIMIT_BYTES = 12 * 1024 * 1024;

/** Adds X-Sdk-Date, Authorization (and X-Security-Token) computed over exactly these bytes. */
export function signUpstreamRequest(u: UpstreamRequest, credentials: Credentials, now: Date): UpstreamRequest {
  const added = sign(
    { method: u.method, url: u.url, headers: u.headers, body: u.body },
    credentials,
    { now },
  );
  const headers = { ...u.headers };
  for (const [name, value] of Object.entries(added)) headers[name.toLowerCase()] = value;
  return { ...u, headers };
}
