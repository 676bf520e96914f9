import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';

/** `/fleet`: one row per target the user holds a role on. */
export const fleetOverviewRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'fleet',
  component: lazyRouteComponent(() => import('./fleet-overview-page.tsx'), 'FleetOverviewPage'),
});

export const fleetRoutes = [fleetOverviewRoute] as const;
