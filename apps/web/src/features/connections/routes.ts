import { createRoute, lazyRouteComponent, stripSearchParams } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { listConnectionsOptions } from './queries.ts';
import { connectionsSearchDefaults, connectionsSearchSchema } from './search.ts';

export const connectionsListRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'connections',
  validateSearch: connectionsSearchSchema,
  // Defaults stay out of the URL, so "/connections" and a reset view are the same link.
  search: { middlewares: [stripSearchParams(connectionsSearchDefaults)] },
  loaderDeps: ({ search }) => search,
  // Start the request while the page's code downloads; the page's own query shows its states.
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(listConnectionsOptions(deps));
  },
  component: lazyRouteComponent(() => import('./connections-list-page.tsx'), 'ConnectionsListPage'),
});

/** Every route of this feature; router.tsx adds them under the shell. */
export const connectionsRoutes = [connectionsListRoute] as const;
