import { createRoute, lazyRouteComponent, stripSearchParams } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { connectionDetailOptions, listConnectionsOptions, listParamsFromSearch } from './queries.ts';
import { queuesOptions } from './queues-query.ts';
import { connectionsSearchDefaults, validateConnectionsSearch } from './search.ts';

export const connectionsListRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'connections',
  validateSearch: validateConnectionsSearch,
  // Defaults stay out of the URL, so "/connections" and a reset view are the same link.
  search: { middlewares: [stripSearchParams(connectionsSearchDefaults)] },
  // Only what upstream sees: changing the client-side queue filter or sort fetches nothing.
  loaderDeps: ({ search }) => listParamsFromSearch(search),
  // Start the request while the page's code downloads; the page's own query shows its states.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(listConnectionsOptions(deps));
  },
  component: lazyRouteComponent(() => import('./connections-list-page.tsx'), 'ConnectionsListPage'),
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
