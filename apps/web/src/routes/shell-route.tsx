import { Outlet, createRoute, redirect, retainSearchParams, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useSignInOnUnauthorized } from '../features/auth/sign-in-on-unauthorized.ts';
import { UserMenu } from '../features/auth/user-menu.tsx';
import { RunningJobsIndicator } from '../features/dws/running-jobs-indicator.tsx';
import { setCurrentTarget, targetParam } from '../lib/current-target.ts';
import { arriveAt } from '../lib/flash.ts';
import { roleCheck, sessionOptions, useSessionUser } from '../lib/session.ts';
import { AppShell, type NavTarget } from '../ui/app-shell.tsx';
import { FlashNotice } from '../ui/flash-notice.tsx';
import { TargetSwitcherSlot } from '../ui/lazy-target-ui.tsx';
import { useFilterShortcut } from '../ui/page-shortcuts.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { rootRoute } from './root-route.tsx';

/**
 * Pathless layout: the header, navigation and main landmark around every console page. Every
 * page under it needs a session; without one the user signs in first and comes back here.
 */
export const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_shell',
  // `target` (absent = the default target) rides along on every link and navigation in the console.
  validateSearch: (raw: Record<string, unknown>): { target?: string | undefined } => {
    const target = targetParam(raw.target);
    return target ? { target } : {};
  },
  search: { middlewares: [retainSearchParams(['target'])] },
  beforeLoad: async ({ context, location, search, preload }) => {
    // A hovered link to another target must not move the page that is on screen.
    if (!preload) setCurrentTarget(search.target);
    const user = await context.queryClient.ensureQueryData(sessionOptions());
    if (!user) throw redirect({ to: '/sign-in', search: { redirect: location.href }, replace: true });
  },
  component: ShellLayout,
  notFoundComponent: NotFoundPage,
});

const ADMIN_ONLY_NAV: readonly NavTarget[] = ['/audit'];

function ShellLayout() {
  useFocusMainOnNavigation();
  useFilterShortcut();
  useSignInOnUnauthorized();
  const user = useSessionUser();
  return (
    <AppShell
      userSlot={user ? <UserMenu user={user} /> : undefined}
      targetSlot={user ? <TargetSwitcherSlot /> : undefined}
      statusSlot={user ? <RunningJobsIndicator /> : undefined}
      hiddenNav={roleCheck(user, 'admin').allowed ? undefined : ADMIN_ONLY_NAV}
    >
      <FlashNotice />
      <Outlet />
    </AppShell>
  );
}

/**
 * A client-side navigation leaves focus on the clicked link and announces nothing; moving focus
 * to <main> puts keyboard and screen-reader users at the start of the new page. Search-param
 * changes (paging, filters) keep focus where it is.
 */
function useFocusMainOnNavigation() {
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    arriveAt(pathname);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}
