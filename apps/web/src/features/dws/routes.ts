import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { listClustersOptions, listExtDataSourcesOptions } from './queries.ts';
import { validateDataSourcesSearch } from './search.ts';

export const clustersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'dws/clusters',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(listClustersOptions());
  },
  component: lazyRouteComponent(() => import('./clusters-page.tsx'), 'ClustersPage'),
});

export const dataSourcesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'dws/clusters/$clusterId/data-sources',
  validateSearch: validateDataSourcesSearch,
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(listClustersOptions());
    void context.queryClient.prefetchQuery(listExtDataSourcesOptions(params.clusterId));
  },
  component: lazyRouteComponent(() => import('./data-sources-page.tsx'), 'DataSourcesPage'),
});

export const dwsRoutes = [clustersRoute, dataSourcesRoute] as const;
