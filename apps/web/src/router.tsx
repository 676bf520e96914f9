import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { auditRoutes } from './features/audit/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { basicConnectionsRoutes } from './features/basic-connections/routes.ts';
import { connectionsRoutes } from './features/connections/routes.ts';
import { dwsRoutes } from './features/dws/routes.ts';
import { fleetRoutes } from './features/fleet/routes.ts';
import { mrsRoutes } from './features/mrs/routes.ts';
import { indexRoute } from './routes/index-route.ts';
import { RouteError, RoutePending } from './routes/route-fallbacks.tsx';
import { rootRoute } from './routes/root-route.tsx';
import { shellRoute } from './routes/shell-route.tsx';

// Each feature exports its routes; adding a feature is one import and one spread here.
export const routeTree = rootRoute.addChildren([
  ...authRoutes,
  shellRoute.addChildren([
    indexRoute,
    ...connectionsRoutes,
    ...basicConnectionsRoutes,
    ...mrsRoutes,
    ...dwsRoutes,
    ...fleetRoutes,
    ...auditRoutes,
  ]),
]);

export function createAppRouter(
  queryClient: QueryClient,
  options: { history?: Parameters<typeof createRouter>[0]['history'] } = {},
) {
  return createRouter({
    routeTree,
    context: { queryClient },
    ...(options.history ? { history: options.history } : {}),
    // Hovering a link starts loading its page code and data; TanStack Query decides freshness.
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: RoutePending,
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
