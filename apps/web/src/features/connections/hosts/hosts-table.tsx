import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './hosts-editor.css';

interface HostLike {
  name: string;
  ip: string;
}

const ROW_HEIGHT = 30;

/**
 * A connection's hosts (up to 20,000) with a search box. Only the rows in view are in the DOM;
 * spacer rows keep the scroll height, aria-rowcount/rowindex keep the table's size known.
 */
export function HostsTable({ hosts, caption }: { hosts: readonly HostLike[]; caption: string }) {
  const { t } = useTranslation('connections');
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const deferred = useDeferredValue(filter);
  const rows = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    if (!q) return hosts;
    return hosts.filter((h) => h.name.toLowerCase().includes(q) || h.ip.includes(q));
  }, [hosts, deferred]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  if (hosts.length === 0) return <p className="muted">{t('editor.detail.noHosts')}</p>;

  return (
    <div className="hosts-table">
      <div className="hosts-table__toolbar">
        <label htmlFor={filterId}>{t('editor.hosts.filterLabel')}</label>
        <input
          id={filterId}
          type="search"
          className="input"
          value={filter}
          placeholder={t('editor.hosts.filterPlaceholder')}
          onChange={(e) => setFilter(e.target.value)}
        />
        <span className="muted" role="status">
          {deferred
            ? t('editor.hosts.filtered', { shown: rows.length.toLocaleString(), total: hosts.length.toLocaleString() })
            : t('editor.hosts.count', { n: hosts.length.toLocaleString() })}
        </span>
      </div>
      {/* The scroll box is focusable so keyboard users can scroll through the list. */}
      <div ref={scrollRef} className="hosts-table__scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="host-rows hosts-table__table" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="host-rows__num">
                {t('editor.hosts.columns.row')}
              </th>
              <th scope="col">{t('editor.hosts.columns.name')}</th>
              <th scope="col">{t('editor.hosts.columns.ip')}</th>
            </tr>
          </thead>
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true" className="host-rows__spacer">
                <td colSpan={3} style={{ height: top }} />
              </tr>
            )}
            {items.map((item) => {
              const h = rows[item.index]!;
              return (
                <tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  <td className="host-rows__num">{item.index + 1}</td>
                  <td className="mono">{h.name}</td>
                  <td className="mono">{h.ip}</td>
                </tr>
              );
            })}
            {bottom > 0 && (
              <tr aria-hidden="true" className="host-rows__spacer">
                <td colSpan={3} style={{ height: bottom }} />
              </tr>
            )}
            {rows.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  {t('editor.hosts.noMatch')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
