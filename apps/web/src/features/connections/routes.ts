import { createRoute, lazyRouteComponent, stripSearchParams, useSearch } from '@tanstack/react-router';
import { createElement } from 'react';
import { targetsParam } from '../../lib/current-target.ts';
import { searchValidator } from '../../lib/search-params.ts';
import { shellRoute } from '../../routes/shell-route.tsx';
import { connectionDetailOptions, listConnectionsOptions, listParamsFromSearch } from './queries.ts';
import { queuesOptions } from './queues-query.ts';
import { connectionsSearchDefaults, parseConnectionsSearch, type ConnectionsSearch } from './search.ts';

const SingleTargetList = lazyRouteComponent(() => import('./connections-list-page.tsx'), 'ConnectionsListPage');
// `?targets=all|a,b`: the merged list over several targets, its own chunk so the single-target
// list's first paint carries none of it.
const FleetList = lazyRouteComponent(() => import('../fleet/fleet-list-page.tsx'), 'FleetListPage');

const validateListSearch = searchValidator(
  (raw: Record<string, unknown>): ConnectionsSearch & { targets?: string | undefined } => {
    const targets = targetsParam(raw.targets);
    return { ...parseConnectionsSearch(raw), ...(targets ? { targets } : {}) };
  },
);

export const connectionsListRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'connections',
  validateSearch: validateListSearch,
  // Defaults stay out of the URL, so "/connections" and a reset view are the same link.
  search: { middlewares: [stripSearchParams(connectionsSearchDefaults)] },
  // Only what upstream sees: changing the client-side queue filter or sort fetches nothing.
  loaderDeps: ({ search }) => ({ ...listParamsFromSearch(search), target: search.target, targets: search.targets }),
  // Start the request while the page's code downloads; the page's own query shows its states.
  loader: ({ context, deps: { target, targets, ...params } }) => {
    if (targets) return void FleetList.preload?.();
    void SingleTargetList.preload?.();
    void context.queryClient.prefetchQuery(listConnectionsOptions(params, target));
  },
  component: function ConnectionsRoutePage() {
    const merged = useSearch({ strict: false, select: (s) => s.targets !== undefined });
    return createElement(merged ? FleetList : SingleTargetList);
  },
});

export const createConnectionRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'connections/new',
  // The queue picker's list starts loading with the page's code.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(queuesOptions());
  },
  component: lazyRouteComponent(() => import('./create-connection-page.tsx'), 'CreateConnectionPage'),
});

export const connectionDetailRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'connections/$connectionId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(connectionDetailOptions(params.connectionId));
  },
  component: lazyRouteComponent(() => import('./connection-detail-page.tsx'), 'ConnectionDetailPage'),
});

/** Every route of this feature; router.tsx adds them under the shell. */
export const connectionsRoutes = [connectionsListRoute, createConnectionRoute, connectionDetailRoute] as const;
