import { TARGET_ID_PATTERN } from '@dsc/api-types/meta';
import { useRouterState } from '@tanstack/react-router';

/**
 * The target the console acts on, from the URL's `target` search param (absent = the BFF's default
 * target). The shell route writes it here before any page loader runs, so option factories and the
 * API client, which cannot reach the router, read the same value the page shows.
 */
let current: string | undefined;

export function currentTarget(): string | undefined {
  return current;
}

export function setCurrentTarget(target: string | undefined): void {
  current = target;
}

/** A URL's `target` value when it can be a target id; anything else means the default target. */
export function targetParam(raw: unknown): string | undefined {
  return typeof raw === 'string' && TARGET_ID_PATTERN.test(raw) ? raw : undefined;
}

/** `?targets=` of the merged list: "all" or target ids separated by commas; anything else is ignored. */
export function targetsParam(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw === 'all') return raw;
  const ids = [...new Set(raw.split(',').filter((id) => TARGET_ID_PATTERN.test(id)))];
  return ids.length > 0 ? ids.join(',') : undefined;
}

/** The current target, re-rendering when the URL changes it. */
export function useCurrentTarget(): string | undefined {
  return useRouterState({ select: (s) => targetParam((s.location.search as Record<string, unknown>).target) });
}

/** `/api/…` → `/api/t/<target>/…`: the same catalogue route acting on `target` (unchanged for the default). */
export function targetPath(target: string | undefined, path: string): string {
  return target && path.startsWith('/api/') ? `/api/t/${encodeURIComponent(target)}${path.slice(4)}` : path;
}

/**
 * A query key scoped to one target: the target is appended, so prefix invalidation such as
 * `connectionKeys.lists()` still reaches every target while two targets never share an entry.
 */
export function targetKey<K extends readonly unknown[]>(key: K, target: string | undefined): readonly [...K, { target: string | null }] {
  return [...key, { target: target ?? null }] as const;
}
