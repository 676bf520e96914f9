import type * as ApiTypes from '@dsc/api-types';

export type ApiSchemas = typeof ApiTypes;

let loading: Promise<ApiSchemas> | undefined;

/**
 * The catalogue's zod schemas, imported on first use rather than with the page: with zod they
 * were a third of the list page's first-paint JavaScript, yet nothing needs them before an answer
 * arrives. Callers start the import with their request, so both travel at once (issue 7).
 * Everything else the first paint needs from the contract comes from '@dsc/api-types/meta'.
 */
export function loadApiSchemas(): Promise<ApiSchemas> {
  loading ??= import('@dsc/api-types').catch((e: unknown) => {
    // A failed chunk load (a deploy replaced it, the network dropped) is tried again next time.
    loading = undefined;
    throw e;
  });
  return loading;
}
