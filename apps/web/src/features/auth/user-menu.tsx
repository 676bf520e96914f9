import type { SessionUser } from '@dsc/api-types';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sessionKeys, signOut } from '../../lib/session.ts';
import './user-menu.css';

/** The header's "who am I" and sign-out; the shell shows it for the signed-in user. */
export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation('auth');
  const router = useRouter();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: async (logoutUrl) => {
      // Null first, so the sign-in route does not send a user it still thinks is signed in back.
      queryClient.setQueryData(sessionKeys.all, null);
      if (logoutUrl) {
        // Single sign-on: the provider ends its session too, then sends the browser back to /sign-in.
        queryClient.removeQueries();
        window.location.assign(logoutUrl);
        return;
      }
      await router.navigate({ to: '/sign-in', replace: true });
      queryClient.removeQueries();
    },
  });

  return (
    <div className="user-menu">
      <p className="user-menu__who">
        <span className="visually-hidden">{t('user.signedInAs')} </span>
        <span className="user-menu__name">{user.username}</span>{' '}
        <span className="user-menu__role">
          <span className="visually-hidden">{t('user.role')} </span>
          {t(`roles.${user.role}`)}
        </span>
      </p>
      <button
        type="button"
        className="button user-menu__sign-out"
        onClick={() => mutation.mutate()}
        disabled={mutation.isPending || mutation.isSuccess}
      >
        {mutation.isPending ? t('user.signingOut') : t('user.signOut')}
      </button>
      {mutation.isError && (
        <p className="user-menu__error" role="alert">
          {t('user.signOutFailed')}
        </p>
      )}
    </div>
  );
}
