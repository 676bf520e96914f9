import type { SessionUser } from '@dsc/api-types';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { sessionKeys } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { LanguageSwitcher } from '../../ui/language-switcher.tsx';
import { SignInForm } from './sign-in-form.tsx';
import '../../ui/app-shell.css';
import './sign-in.css';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('signIn.title'));
  const { redirect } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();

  const onSignedIn = async (user: SessionUser) => {
    // Nothing cached under an earlier session may show through to this user.
    queryClient.removeQueries();
    queryClient.setQueryData(sessionKeys.all, user);
    await router.navigate({ href: redirect ?? '/', replace: true });
  };

  return (
    <div className="sign-in">
      <header className="app-header sign-in__bar">
        <span className="app-header__brand">
          <img src="/favicon.svg" alt="" width="22" height="22" />
          {t('app.name', { ns: 'common' })}
        </span>
        <div className="app-header__end">
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="sign-in__main">
        <section className="sign-in__card" aria-labelledby="sign-in-title">
          <h1 id="sign-in-title" className="sign-in__title">
            {t('signIn.title')}
          </h1>
          <p className="sign-in__intro">{t('signIn.intro')}</p>
          <SignInForm onSignedIn={onSignedIn} />
        </section>
      </main>
    </div>
  );
}
