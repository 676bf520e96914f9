import { Link, useRouterState } from '@tanstack/react-router';
import { Suspense, lazy, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './language-switcher.tsx';
import { ServiceStatusBanner } from './service-status-banner.tsx';
import './app-shell.css';

// The theme is applied before the first paint by public/theme.js; only the switch to change it is
// code, loaded after the page so it stays out of the first paint's JavaScript (issue 7's budget).
const ThemeSwitcher = lazy(() =>
  import('../features/theme/theme-switcher.tsx').then((m) => ({ default: m.ThemeSwitcher })),
);

const NAV_ITEMS = [
  { to: '/connections', label: 'nav.connections' },
  { to: '/basic-connections', label: 'nav.basicConnections' },
  { to: '/mrs/data-connectors', label: 'nav.mrsDataConnectors' },
  { to: '/dws/clusters', label: 'nav.dwsDataSources' },
  { to: '/fleet', label: 'nav.fleet' },
  { to: '/audit', label: 'nav.audit' },
] as const;

export type NavTarget = (typeof NAV_ITEMS)[number]['to'];

export interface AppShellProps {
  children: ReactNode;
  /** Right-hand header slot for the signed-in user (name, role, sign out). */
  userSlot?: ReactNode;
  /** Header slot before the user: live indicators such as jobs still running. */
  statusSlot?: ReactNode;
  /** Header slot for the target the console acts on (the target switcher). */
  targetSlot?: ReactNode;
  /** Navigation entries this user cannot use (the audit trail for non-admins). */
  hiddenNav?: readonly NavTarget[] | undefined;
}

export function AppShell({ children, userSlot, statusSlot, targetSlot, hiddenNav }: AppShellProps) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  // A chosen page closes the folded menu, so the page is what the user sees next.
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => setMenuOpen(false), [pathname]);
  return (
    <div className="app-shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          <img src="/favicon.svg" alt="" width="22" height="22" />
          {t('app.name')}
        </Link>
        {/* On a phone or at high zoom the navigation and the user's controls fold behind one
            button; on a wide screen the button is hidden and they sit in the header as before. */}
        <button
          type="button"
          className="button app-header__menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="app-header-menu"
          onClick={() => setMenuOpen((o) => !o)}
        >
          <span aria-hidden="true">☰</span> {t('nav.menu')}
        </button>
        <div id="app-header-menu" className="app-header__menu" data-open={menuOpen || undefined}>
          <nav className="app-nav" aria-label={t('nav.label')}>
            <ul>
              {NAV_ITEMS.filter((item) => !hiddenNav?.includes(item.to)).map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="app-nav__link">
                    {t(item.label)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="app-header__end">
            {targetSlot}
            {userSlot}
            <LanguageSwitcher />
            <Suspense fallback={null}>
              <ThemeSwitcher />
            </Suspense>
          </div>
        </div>
        {/* Outside the folding menu: it hangs from the header and stays visible on a phone. */}
        {statusSlot}
      </header>
      <ServiceStatusBanner />
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
