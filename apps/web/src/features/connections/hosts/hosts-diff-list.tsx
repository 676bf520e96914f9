import type { Host } from '@dsc/api-types';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostChange, HostsDiff } from './hosts-diff.ts';
import './hosts-diff-list.css';

/** Rows shown per kind of change; the count in each heading covers them all. */
export const SHOWN_CHANGES = 5;

const hostRow = (h: Host) => (
  <>
    <code>{h.name}</code> <code>{h.ip}</code>
  </>
);
const changeRow = (c: HostChange) => (
  <>
    <code>{c.name}</code>: <code>{c.from}</code> → <code>{c.to}</code>
  </>
);

/** Added, removed and changed hosts, each kind capped to a few rows with "and N more". */
export function HostsDiffList({ diff }: { diff: HostsDiff }) {
  const { t } = useTranslation('connections');
  const { added, removed, changed, unchanged } = diff;
  if (added.length + removed.length + changed.length === 0) return <p>{t('editor.replace.diff.none')}</p>;
  return (
    <div className="hosts-diff">
      <DiffGroup title={t('editor.replace.diff.added', { n: added.length.toLocaleString() })} kind="added" items={added} render={hostRow} />
      <DiffGroup
        title={t('editor.replace.diff.removed', { n: removed.length.toLocaleString() })}
        kind="removed"
        items={removed}
        render={hostRow}
      />
      <DiffGroup
        title={t('editor.replace.diff.changed', { n: changed.length.toLocaleString() })}
        kind="changed"
        items={changed}
        render={changeRow}
      />
      {unchanged > 0 && <p className="muted">{t('editor.replace.diff.unchanged', { n: unchanged.toLocaleString() })}</p>}
    </div>
  );
}

interface DiffGroupProps<T extends { name: string }> {
  title: string;
  kind: 'added' | 'removed' | 'changed';
  items: readonly T[];
  render: (item: T) => ReactNode;
}

function DiffGroup<T extends { name: string }>({ title, kind, items, render }: DiffGroupProps<T>) {
  const { t } = useTranslation('connections');
  if (items.length === 0) return null;
  // Only the rows shown are drawn: a replaced list of 20,000 gives 20,000 "added".
  const shown = items.slice(0, SHOWN_CHANGES);
  return (
    <section className={`hosts-diff__group hosts-diff__group--${kind}`} aria-label={title}>
      <h3 className="hosts-diff__title">{title}</h3>
      <ul className="hosts-diff__list">
        {shown.map((item) => (
          <li key={item.name}>{render(item)}</li>
        ))}
      </ul>
      {items.length > shown.length && (
        <p className="hosts-diff__more muted">{t('editor.replace.diff.more', { n: (items.length - shown.length).toLocaleString() })}</p>
      )}
    </section>
  );
}
