import type { ApiError } from './api-error.ts';

type UnauthorizedListener = (error: ApiError) => void;

const listeners = new Set<UnauthorizedListener>();

/**
 * Subscribes to every 401 the API client sees (the session is gone or never existed), so one place
 * (the sign-in work) can send the user to /sign-in. Returns the unsubscribe function.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function emitUnauthorized(error: ApiError): void {
  for (const listener of [...listeners]) listener(error);
}
