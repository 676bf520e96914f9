import { isApiError } from '../../lib/api-error.ts';
import { SignInThrottledError } from '../../lib/session.ts';

/** What the form tells the user after a failed sign-in. */
export type SignInProblem =
  | { kind: 'credentials' }
  | { kind: 'throttled'; retryAfterSeconds: number | undefined }
  | { kind: 'other'; error: unknown };

/**
 * A 401 is always the same message, whether the user is unknown or the password wrong, so the
 * form never tells an attacker which usernames exist.
 */
export function signInProblem(error: unknown): SignInProblem {
  if (error instanceof SignInThrottledError) {
    return { kind: 'throttled', retryAfterSeconds: error.retryAfterSeconds };
  }
  if (isApiError(error) && error.status === 401) return { kind: 'credentials' };
  if (isApiError(error) && error.status === 429) return { kind: 'throttled', retryAfterSeconds: undefined };
  return { kind: 'other', error };
}

/** "30 seconds", "2 minutes", "1 hour" in the UI language; rounds up so the user never retries early. */
export function formatWait(seconds: number, language: string): string {
  const [value, unit] =
    seconds < 60
      ? [Math.max(1, Math.ceil(seconds)), 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
