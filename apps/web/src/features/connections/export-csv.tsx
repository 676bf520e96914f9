import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/error-state.tsx';
import {
  buildConnectionsCsv,
  downloadCsv,
  exportFilename,
  fetchConnectionsForExport,
} from './csv-export.ts';
import type { ConnectionListParams } from './queries.ts';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; rows: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

export interface ExportCsvProps {
  view: Omit<ConnectionListParams, 'page' | 'pageSize'>;
}

/** CSV of everything the current view matches, across all pages, in its order, with Cancel. */
export function ExportCsv({ view }: ExportCsvProps) {
  const { t } = useTranslation('connections');
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setState({ phase: 'running' });
    try {
      const rows = await fetchConnectionsForExport(view, { signal: ac.signal });
      if (ac.signal.aborted) return;
      const csv = await buildConnectionsCsv(rows);
      if (ac.signal.aborted) return;
      downloadCsv(csv, exportFilename(new Date()));
      setState({ phase: 'done', rows: rows.length });
    } catch (e) {
      // Cancel has already said so; a late rejection of the aborted request changes nothing.
      if (!ac.signal.aborted) setState({ phase: 'failed', error: e });
    }
  };
  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'cancelled' });
  };

  const running = state.phase === 'running';

  return (
    <div className="csv-export">
      {running ? (
        <button type="button" className="button" onClick={cancel}>
          {t('export.cancel')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          {t('export.button')}
        </button>
      )}
      {running && <progress className="csv-export__progress" aria-label={t('export.progressLabel')} />}
      <span role="status" className="csv-export__status">
        {state.phase === 'running' && t('export.starting')}
        {state.phase === 'done' && t('export.done', { count: state.rows })}
        {state.phase === 'cancelled' && t('export.cancelled')}
      </span>
      {state.phase === 'failed' && (
        <ErrorState title={t('export.failed')} error={state.error} onRetry={() => void start()} />
      )}
    </div>
  );
}
