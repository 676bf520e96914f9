import * as z from 'zod/mini';

// In zod/mini: the list page reads the saved views with its first answers, before zod loads.

/** The list pages a view can be saved for. */
export const SAVED_VIEW_PAGES = ['connections'] as const;
export const SAVED_VIEWS_MAX = 50;

/**
 * A named list view: the page and its URL search (filters, sort, page size, columns) as the URL
 * carries it, so opening it is following a link, and sharing it is sharing the link.
 */
export const SavedView = z.strictObject({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters')),
  page: z.enum(SAVED_VIEW_PAGES, { error: `must be one of ${SAVED_VIEW_PAGES.join(', ')}` }),
  search: z
    .string()
    .check(
      z.maxLength(2000, 'must be at most 2000 characters'),
      z.regex(/^[^?#\s]*$/, 'must be a URL query string without ?, # or spaces'),
    ),
  favourite: z._default(z.boolean(), false),
});
export type SavedView = z.infer<typeof SavedView>;

/** `PUT /api/saved-views`: the caller's whole list (names unique). `GET` answers the same shape. */
export const SavedViews = z.strictObject({
  views: z
    .array(SavedView)
    .check(
      z.maxLength(SAVED_VIEWS_MAX, `must hold at most ${SAVED_VIEWS_MAX} views`),
      z.refine((vs) => new Set(vs.map((v) => `${v.page}\u0000${v.name}`)).size === vs.length, 'must not name two views alike'),
    ),
});
export type SavedViews = z.infer<typeof SavedViews>;
