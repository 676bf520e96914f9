import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { sessionKeys } from '../../lib/session.ts';
import { onUnauthorized } from '../../lib/unauthorized-events.ts';
import { SIGN_IN_PATH } from './redirect-target.ts';

/**
 * Any 401 from the BFF means the session is gone (expired, signed out elsewhere): forget the user
 * and send them to sign in, coming back to where they are now.
 */
export function useSignInOnUnauthorized(): void {
  const router = useRouter();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized(() => {
        const here = router.latestLocation;
        // Several requests fail at once; the first one already sent the user on.
        if (here.pathname === SIGN_IN_PATH) return;
        queryClient.setQueryData(sessionKeys.all, null);
        void router.navigate({ to: '/sign-in', search: { redirect: here.href }, replace: true });
      }),
    [router, queryClient],
  );
}
