import { searchValidator } from '../../lib/search-params.ts';
import { safeRedirectTarget } from './redirect-target.ts';

export interface SignInSearch {
  redirect?: string | undefined;
}

// An unsafe or malformed target is dropped, never an error: the page still lets the user sign in.
export function parseSignInSearch(raw: Record<string, unknown>): SignInSearch {
  return { redirect: safeRedirectTarget(raw.redirect) };
}

export const validateSignInSearch = searchValidator(parseSignInSearch);
