import type { SessionUser } from '@dsc/api-types';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { oidcLoginHref, sessionKeys, signInOptionsQuery } from '../../lib/session.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { LanguageSwitcher } from '../../ui/language-switcher.tsx';
import { SignInForm } from './sign-in-form.tsx';
import '../../ui/app-shell.css';
import './sign-in.css';

const route = getRouteApi('/sign-in');

export function SignInPage() {
  const { t } = useTranslation('auth');
  useDocumentTitle(t('signIn.title'));
  const { redirect, oidc: refusal } = route.useSearch();
  // If the options cannot be read, the password form is still offered: it is the break-glass way in.
  const options = useQuery(signInOptionsQuery());
  const sso = options.data?.oidc ?? null;
  const password = options.isError || options.data?.password === true;
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
          <p className="sign-in__intro">
            {t(sso ? 'signIn.introSso' : 'signIn.intro')}
          </p>
          {refusal && (
            <p className="sign-in__alert" role="alert">
              {t(`signIn.sso.refused.${refusal}`)}
            </p>
          )}
          {options.isPending && <p className="sign-in__loading">{t('signIn.loading')}</p>}
          {sso && (
            <a className="button button--primary sign-in__sso" href={oidcLoginHref(redirect)}>
              {t('signIn.sso.button', { provider: sso.providerName })}
            </a>
          )}
          {sso && password && (
            <p className="sign-in__divider">
              <span>{t('signIn.sso.orPassword')}</span>
            </p>
          )}
          {password && <SignInForm onSignedIn={onSignedIn} />}
        </section>
      </main>
    </div>
  );
}
