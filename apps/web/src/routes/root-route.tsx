import { Outlet, createRootRouteWithContext } from '@tanstack/react-router';
import { AppShell } from '../ui/app-shell.tsx';
import type { RouterContext } from './router-context.ts';
import { NotFoundPage } from './not-found-page.tsx';

/**
 * The bare root: pages that must not show the console chrome (signing in) hang here directly;
 * everything else sits under the shell layout route.
 */
export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: () => (
    <AppShell>
      <NotFoundPage />
    </AppShell>
  ),
});
