import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { sessionOptions } from '../../lib/session.ts';
import { rootRoute } from '../../routes/root-route.tsx';
import { SIGN_IN_PATH } from './redirect-target.ts';
import { validateSignInSearch } from './search.ts';

/** Outside the shell: no console chrome before anyone is signed in. */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: SIGN_IN_PATH,
  validateSearch: validateSignInSearch,
  // Someone already signed in (a second tab, Back after signing in) goes straight on.
  beforeLoad: async ({ context, search }) => {
    // If the check itself fails, show the form rather than an error: signing in is the way on.
    const user = await context.queryClient.ensureQueryData(sessionOptions()).catch(() => null);
    if (user) throw redirect({ href: search.redirect ?? '/', replace: true });
  },
  component: lazyRouteComponent(() => import('./sign-in-page.tsx'), 'SignInPage'),
});

export const authRoutes = [signInRoute] as const;
