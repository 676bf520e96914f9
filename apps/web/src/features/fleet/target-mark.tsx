import type { TargetSummary } from '@dsc/api-types';
import { useTranslation } from 'react-i18next';
import { isProduction, useCurrentTargetSummary } from '../../lib/targets.ts';
import './target-mark.css';

/** A target named in full: name, region and — for production — a mark that is text, not only colour. */
export function TargetLabel({ target }: { target: TargetSummary }) {
  const { t } = useTranslation('fleet');
  const prod = isProduction(target.id);
  return (
    <span className={prod ? 'target-label target-label--prod' : 'target-label'}>
      {prod && <span className="target-label__prod">{t('production')}</span>}
      <span className="target-label__name">{target.name}</span>
      {target.region && <span className="target-label__region">{target.region}</span>}
    </span>
  );
}

/**
 * "Acting on: <target>" for page headers and confirmation dialogs, so nobody writes to production
 * believing they are on staging. Nothing while the target list is still loading.
 */
export function CurrentTargetMark() {
  const { t } = useTranslation('fleet');
  const target = useCurrentTargetSummary();
  if (!target) return null;
  return (
    <p className="target-mark" data-testid="current-target">
      <span className="target-mark__label">{t('actingOn')}</span> <TargetLabel target={target} />
    </p>
  );
}
