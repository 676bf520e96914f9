import type { ConnectionRow } from '@dsc/api-types';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../lib/session.ts';
import { ErrorState } from '../../../ui/error-state.tsx';
import type { BulkKind } from './bulk-tasks.ts';

// The dialog and its queue runner load when an action is chosen, not with the list.
const BulkDialog = lazy(() => import('./bulk-dialog.tsx').then((m) => ({ default: m.BulkDialog })));

export interface BulkBarProps {
  /** Rows chosen one by one (kept across pages). */
  selected: ReadonlyMap<string, ConnectionRow>;
  /** "All N matching" is chosen: the rows are read when an action starts. */
  allMatching: boolean;
  matching: number;
  pageRows: readonly ConnectionRow[];
  target: string;
  canChange: Permission;
  onSelectPage: () => void;
  onSelectAllMatching: () => void;
  onClear: () => void;
  /** Every row the view matches (all pages), for "all N matching". */
  loadAllMatching: () => Promise<ConnectionRow[]>;
  onChanged: () => void;
  onExport: (rows: readonly ConnectionRow[]) => Promise<void>;
}

/** The selection and what can be done to it: retry failed bindings, unbind a queue, delete, export. */
export function BulkBar(p: BulkBarProps) {
  const { t } = useTranslation('connections');
  const [action, setAction] = useState<{ kind: BulkKind; rows: ConnectionRow[] } | undefined>();
  const [problem, setProblem] = useState<unknown>(undefined);
  const count = p.allMatching ? p.matching : p.selected.size;

  const rowsNow = async () => (p.allMatching ? p.loadAllMatching() : [...p.selected.values()]);
  const open = async (kind: BulkKind | 'export') => {
    setProblem(undefined);
    try {
      const rows = await rowsNow();
      if (kind === 'export') await p.onExport(rows);
      else setAction({ kind, rows });
    } catch (e) {
      setProblem(e);
    }
  };

  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.label')}>
      <span className="bulk-bar__count" data-testid="selection-count">
        {count > 0 ? t('bulk.selected', { count }) : t('bulk.none')}
      </span>
      <button type="button" className="button button--link" onClick={p.onSelectPage} disabled={p.pageRows.length === 0}>
        {t('bulk.selectPage')}
      </button>
      {!p.allMatching && p.matching > p.selected.size && (
        <button type="button" className="button button--link" onClick={p.onSelectAllMatching}>
          {t('bulk.selectAll', { count: p.matching })}
        </button>
      )}
      {count > 0 && (
        <>
          <button type="button" className="button button--link" onClick={p.onClear}>
            {t('bulk.clear')}
          </button>
          <span className="bulk-bar__actions">
            {p.canChange.allowed && (
              <>
                <button type="button" className="button" onClick={() => void open('retry')}>
                  {t('bulk.action.retry')}
                </button>
                <button type="button" className="button" onClick={() => void open('unbind')}>
                  {t('bulk.action.unbind')}
                </button>
                <button type="button" className="button button--danger" onClick={() => void open('delete')}>
                  {t('bulk.action.delete')}
                </button>
              </>
            )}
            <button type="button" className="button" onClick={() => void open('export')}>
              {t('bulk.action.export')}
            </button>
          </span>
        </>
      )}
      {problem !== undefined && <ErrorState error={problem} />}
      {action && (
        <Suspense fallback={null}>
          <BulkDialog
            kind={action.kind}
            rows={action.rows}
            target={p.target}
            onClose={() => setAction(undefined)}
            onFinished={p.onChanged}
          />
        </Suspense>
      )}
    </div>
  );
}
