import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { listClustersOptions } from './queries.ts';

export const clustersRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'dws/clusters',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(listClustersOptions());
  },
  component: lazyRouteComponent(() => import('./clusters-page.tsx'), 'ClustersPage'),
});

export const dwsRoutes = [clustersRoute] as const;
