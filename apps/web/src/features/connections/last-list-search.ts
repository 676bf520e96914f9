import { connectionsSearchDefaults, type ConnectionsSearch } from './search.ts';

/**
 * The list view (filters, page, sort) the user last looked at, so "← Enhanced connections" and
 * the return after a delete bring them back to it rather than to an unfiltered first page. In
 * memory only: a new tab or a reload starts from the URL, as it should.
 */
let last: ConnectionsSearch = { ...connectionsSearchDefaults };

export function rememberListSearch(search: ConnectionsSearch): void {
  last = search;
}

export function lastListSearch(): ConnectionsSearch {
  return last;
}
