import { createRoute, lazyRouteComponent, stripSearchParams } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { listDataConnectorsOptions } from './queries.ts';
import { mrsSearchDefaults, mrsSearchSchema } from './search.ts';

export const dataConnectorsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'mrs/data-connectors',
  validateSearch: mrsSearchSchema,
  search: { middlewares: [stripSearchParams(mrsSearchDefaults)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchQuery(listDataConnectorsOptions(deps));
  },
  component: lazyRouteComponent(() => import('./data-connectors-page.tsx'), 'DataConnectorsPage'),
});

export const mrsRoutes = [dataConnectorsRoute] as const;
