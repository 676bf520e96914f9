import type * as ApiTypes from '@dsc/api-types';
import type * as Answers from '@dsc/api-types/answers';

export type ApiSchemas = typeof ApiTypes;
export type AnswerSchemas = typeof Answers;

/**
 * Imports a chunk once; a failed load (a deploy replaced the chunk, the network dropped) is
 * tried again on the next call rather than remembered.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    }));
}

/**
 * The catalogue's zod schemas, imported on first use rather than with the page: with zod they
 * were a third of the list page's first-paint JavaScript, yet nothing needs them before an answer
 * arrives. Callers start the import with their request, so both travel at once (issue 7).
 * Everything else the first paint needs from the contract comes from '@dsc/api-types/meta'.
 */
export const loadApiSchemas: () => Promise<ApiSchemas> = once(() => import('@dsc/api-types'));

/**
 * The schemas of the answers a signed-in user waits for before the list's rows show (session,
 * targets, list views, saved views), in zod/mini: a fraction of the catalogue with zod, so the
 * rows are visible before the rest of it has loaded (issue 17). Use it for those answers only;
 * the others come from loadApiSchemas.
 */
export const loadAnswerSchemas: () => Promise<AnswerSchemas> = once(() => import('@dsc/api-types/answers'));
