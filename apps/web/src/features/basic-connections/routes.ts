import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';
import { basicConnectionOptions } from './queries.ts';

export const basicConnectionLookupRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'basic-connections',
  component: lazyRouteComponent(
    () => import('./basic-connection-lookup-page.tsx'),
    'BasicConnectionLookupPage',
  ),
});

export const basicConnectionRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'basic-connections/$connectionId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(basicConnectionOptions(params.connectionId));
  },
  component: lazyRouteComponent(() => import('./basic-connection-page.tsx'), 'BasicConnectionPage'),
});

export const basicConnectionsRoutes = [basicConnectionLookupRoute, basicConnectionRoute] as const;
