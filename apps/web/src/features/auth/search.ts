import { searchValidator } from '../../lib/search-params.ts';
import { safeRedirectTarget } from './redirect-target.ts';

/** Why a single sign-on did not sign anyone in (the BFF's callback redirects with `?oidc=`). */
export const OIDC_REFUSALS = ['failed', 'cancelled', 'unavailable', 'no-role', 'expired'] as const;
export type OidcRefusal = (typeof OIDC_REFUSALS)[number];

export interface SignInSearch {
  redirect?: string | undefined;
  oidc?: OidcRefusal | undefined;
}

const isRefusal = (v: unknown): v is OidcRefusal => OIDC_REFUSALS.includes(v as OidcRefusal);

// An unsafe or malformed target is dropped, never an error: the page still lets the user sign in.
export function parseSignInSearch(raw: Record<string, unknown>): SignInSearch {
  return {
    redirect: safeRedirectTarget(raw.redirect),
    oidc: isRefusal(raw.oidc) ? raw.oidc : undefined,
  };
}

export const validateSignInSearch = searchValidator(parseSignInSearch);
