import type { Host } from '@dsc/api-types';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface RowFieldErrors {
  name?: string | undefined;
  ip?: string | undefined;
}

export interface HostRowsProps {
  idPrefix: string;
  hosts: readonly Host[];
  /** Indexes into `hosts` to show (all of them, or those matching a search). */
  indices: readonly number[];
  errorsFor: (index: number) => RowFieldErrors | undefined;
  onEdit: (index: number, host: Host) => void;
  onRemove: (index: number) => void;
  /** Scroll to this row and focus its name input (set after adding a row or picking a problem). */
  focusRow: number | null;
  onFocused: () => void;
  disabled?: boolean | undefined;
}

const ROW_HEIGHT = 40;

export const hostInputId = (prefix: string, index: number, field: 'name' | 'ip') =>
  `${prefix}-${field}-${index}`;

/**
 * The rows editor: a table whose DOM holds only the rows in view (up to 20,000 rows exist),
 * with spacer rows above and below so the scroll height stays true.
 */
export function HostRows({
  idPrefix,
  hosts,
  indices,
  errorsFor,
  onEdit,
  onRemove,
  focusRow,
  onFocused,
  disabled,
}: HostRowsProps) {
  const { t } = useTranslation('connections');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: indices.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => indices[i] ?? i,
  });

  useEffect(() => {
    if (focusRow === null) return;
    const position = indices.indexOf(focusRow);
    if (position === -1) return;
    virtualizer.scrollToIndex(position, { align: 'auto' });
    // The row mounts on the next frame once scrolled into the window.
    const frame = requestAnimationFrame(() => {
      document.getElementById(hostInputId(idPrefix, focusRow, 'name'))?.focus();
      onFocused();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusRow, indices, idPrefix, virtualizer, onFocused]);

  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div ref={scrollRef} className="host-rows__scroll">
      <table className="host-rows" aria-rowcount={indices.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="host-rows__num">
              {t('editor.hosts.columns.row')}
            </th>
            <th scope="col">{t('editor.hosts.columns.name')}</th>
            <th scope="col">{t('editor.hosts.columns.ip')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('editor.hosts.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true" className="host-rows__spacer">
              <td colSpan={4} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => {
            const index = indices[item.index]!;
            const host = hosts[index] ?? { name: '', ip: '' };
            const errors = errorsFor(index);
            const row = index + 1;
            const nameId = hostInputId(idPrefix, index, 'name');
            const ipId = hostInputId(idPrefix, index, 'ip');
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
              >
                <td className="host-rows__num">{row}</td>
                <td>
                  <input
                    id={nameId}
                    className="input host-rows__input"
                    value={host.name}
                    aria-label={t('editor.hosts.nameLabel', { row })}
                    aria-invalid={errors?.name ? true : undefined}
                    aria-describedby={errors?.name ? `${nameId}-error` : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    disabled={disabled}
                    onChange={(e) => onEdit(index, { ...host, name: e.target.value })}
                  />
                  {errors?.name && (
                    <span id={`${nameId}-error`} className="field-error">
                      {errors.name}
                    </span>
                  )}
                </td>
                <td>
                  <input
                    id={ipId}
                    className="input host-rows__input host-rows__input--ip"
                    value={host.ip}
                    inputMode="decimal"
                    aria-label={t('editor.hosts.ipLabel', { row })}
                    aria-invalid={errors?.ip ? true : undefined}
                    aria-describedby={errors?.ip ? `${ipId}-error` : undefined}
                    autoComplete="off"
                    spellCheck={false}
                    disabled={disabled}
                    onChange={(e) => onEdit(index, { ...host, ip: e.target.value })}
                  />
                  {errors?.ip && (
                    <span id={`${ipId}-error`} className="field-error">
                      {errors.ip}
                    </span>
                  )}
                </td>
                <td className="host-rows__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('editor.hosts.removeRow', { row })}
                    title={t('editor.hosts.removeRow', { row })}
                    disabled={disabled}
                    onClick={() => onRemove(index)}
                  >
                    {t('editor.hosts.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true" className="host-rows__spacer">
              <td colSpan={4} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
