/** The names of T's methods that answer with a promise (optional ones included). */
export type AsyncMethodOf<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/**
 * Stands in for the object `loading` resolves to: each listed method waits for it, then calls
 * the loaded object's. For the parts only some deployments use (PostgreSQL, Redis), so their
 * module is imported when configured instead of parsed at every start; a call made while it
 * loads just waits those few milliseconds. A failed load fails each call, not the start.
 */
export function whenLoaded<T extends object>(loading: Promise<T>, methods: readonly AsyncMethodOf<T>[]): T {
  // Reported through the calls that need it, never as an unhandled rejection.
  loading.catch(() => {});
  const stand: Record<PropertyKey, unknown> = {};
  for (const name of methods) {
    stand[name] = async (...args: unknown[]) => {
      const target = (await loading) as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>;
      return target[name]!(...args);
    };
  }
  return stand as T;
}
