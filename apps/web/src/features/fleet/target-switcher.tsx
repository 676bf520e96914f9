import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { targetParam } from '../../lib/current-target.ts';
import { isProduction, useTargets } from '../../lib/targets.ts';

export const ALL_TARGETS = 'all';

/** Pages that make sense on any target; from anywhere else (a detail) switching lands on the list. */
const TARGET_NEUTRAL_PATHS = ['/connections', '/basic-connections', '/mrs/data-connectors', '/dws/clusters', '/audit', '/fleet'];

/**
 * The header's target choice: a native select (keyboard and screen readers know it), the user's
 * own targets by name and region, plus "All targets", the merged connections list. Choosing one
 * rewrites the URL, which is where the current target lives.
 */
export function TargetSwitcher() {
  const { t } = useTranslation('fleet');
  const id = useId();
  const navigate = useNavigate();
  const targets = useTargets();
  const { pathname, search } = useRouterState({
    select: (s) => ({ pathname: s.location.pathname, search: s.location.search as Record<string, unknown> }),
  });
  if (!targets || targets.length === 0) return null;

  const merged = pathname === '/connections' && typeof search.targets === 'string';
  const currentId = targetParam(search.target) ?? targets.find((x) => x.default)?.id;
  const value = merged ? ALL_TARGETS : currentId;

  const choose = (next: string) => {
    if (next === ALL_TARGETS) {
      void navigate({ to: '/connections', search: { targets: ALL_TARGETS } as never });
      return;
    }
    const chosen = targets.find((x) => x.id === next);
    if (!chosen) return;
    const to = TARGET_NEUTRAL_PATHS.includes(pathname) && !merged ? pathname : '/connections';
    // Filters and pages belong to the list they were set on: the new target starts clean.
    void navigate({ to, search: { target: chosen.default ? undefined : chosen.id } as never });
  };

  return (
    <span className="target-switcher">
      <label htmlFor={id} className="target-switcher__label">
        {t('switcher.label')}
      </label>
      <select
        id={id}
        className="select select--header"
        value={value}
        onChange={(e) => choose(e.target.value)}
      >
        {targets.map((x) => (
          <option key={x.id} value={x.id}>
            {t('switcher.option', {
              prod: isProduction(x.id) ? t('switcher.prodPrefix') : '',
              name: x.name,
              region: x.region ?? t('noRegion'),
            })}
          </option>
        ))}
        {targets.length > 1 && <option value={ALL_TARGETS}>{t('switcher.all')}</option>}
      </select>
    </span>
  );
}
