import { Outlet, createRoute, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { AppShell } from '../ui/app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { rootRoute } from './root-route.tsx';

/** Pathless layout: the header, navigation and main landmark around every console page. */
export const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_shell',
  component: ShellLayout,
  notFoundComponent: NotFoundPage,
});

function ShellLayout() {
  useFocusMainOnNavigation();
  return (
    <AppShell>
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
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}
