import type { SessionUser } from '@dsc/api-types';
import { createRoute, lazyRouteComponent, stripSearchParams } from '@tanstack/react-router';
import { roleCheck, sessionKeys } from '../../lib/session.ts';
import { shellRoute } from '../../routes/shell-route.tsx';
import { auditTrailOptions } from './queries.ts';
import { auditSearchDefaults, toAuditQuery, validateAuditSearch } from './search.ts';

export const auditRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: 'audit',
  validateSearch: validateAuditSearch,
  search: { middlewares: [stripSearchParams(auditSearchDefaults)] },
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    // Only for admins: for anyone else the BFF answers 403, and every 403 is itself audited.
    const user = context.queryClient.getQueryData<SessionUser | null>(sessionKeys.all);
    if (roleCheck(user, 'admin').allowed) {
      void context.queryClient.prefetchQuery(auditTrailOptions(toAuditQuery(deps)));
    }
  },
  component: lazyRouteComponent(() => import('./audit-page.tsx'), 'AuditPage'),
});

export const auditRoutes = [auditRoute] as const;
