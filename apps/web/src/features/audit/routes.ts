import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { shellRoute } from '../../routes/shell-route.tsx';

export const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'audit',
  component: lazyRouteComponent(() => import('./audit-page.tsx'), 'AuditPage'),
});

export const auditRoutes = [auditRoute] as const;
