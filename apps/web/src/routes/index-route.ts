import { createRoute, redirect } from '@tanstack/react-router';
import { shellRoute } from './shell-route.tsx';

export const indexRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/connections', replace: true });
  },
});
