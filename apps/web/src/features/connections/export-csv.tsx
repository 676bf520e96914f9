import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/error-state.tsx';
import {
  buildConnectionsCsv,
  downloadCsv,
  exportFilename,
  fetchConnectionsForExport,
  type ExportProgress,
} from './csv-export.ts';
import type { ClientView } from './list-view.ts';
import type { ConnectionListParams } from './queries.ts';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | undefined }
  | { phase: 'done'; rows: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

export interface ExportCsvProps {
  filters: Omit<ConnectionListParams, 'page' | 'pageSize'>;
  view: ClientView;
}

/** CSV of everything the current filters match, across all pages, with progress and Cancel. */
export function ExportCsv({ filters, view }: ExportCsvProps) {
  const { t, i18n } = useTranslation('connections');
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setState({ phase: 'running', progress: undefined });
    try {
      const rows = await fetchConnectionsForExport(filters, view, {
        signal: ac.signal,
        onProgress: (progress) => {
          if (!ac.signal.aborted) setState({ phase: 'running', progress });
        },
      });
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
  const progress = running ? state.progress : undefined;
  const number = new Intl.NumberFormat(i18n.language);

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
      {running && (
        <progress
          className="csv-export__progress"
          aria-label={t('export.progressLabel')}
          max={progress?.total || 1}
          // Indeterminate until the first page says how many there are.
          value={progress ? progress.fetched : undefined}
        />
      )}
      <span role="status" className="csv-export__status">
        {state.phase === 'running' &&
          (progress
            ? t('export.progress', {
                fetched: number.format(progress.fetched),
                total: number.format(progress.total),
              })
            : t('export.starting'))}
        {state.phase === 'done' && t('export.done', { count: state.rows })}
        {state.phase === 'cancelled' && t('export.cancelled')}
      </span>
      {state.phase === 'failed' && (
        <ErrorState title={t('export.failed')} error={state.error} onRetry={() => void start()} />
      )}
    </div>
  );
}
