import { useTranslation } from 'react-i18next';
import { useExportRun } from '../../lib/use-export-run.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { ExportToggleButton } from '../../ui/export-toggle-button.tsx';
import {
  buildConnectionsCsv,
  downloadCsv,
  exportFilename,
  fetchConnectionsForExport,
} from './csv-export.ts';
import type { ConnectionListParams } from './queries.ts';

export interface ExportCsvProps {
  view: Omit<ConnectionListParams, 'page' | 'pageSize'>;
}

/** CSV of everything the current view matches, across all pages, in its order, with Cancel. */
export function ExportCsv({ view }: ExportCsvProps) {
  const { t } = useTranslation('connections');
  const { state, start, cancel } = useExportRun(async (signal) => {
    const rows = await fetchConnectionsForExport(view, { signal });
    if (signal.aborted) return undefined;
    const csv = await buildConnectionsCsv(rows);
    if (signal.aborted) return undefined;
    downloadCsv(csv, exportFilename(new Date()));
    return { rows: rows.length };
  });

  const running = state.phase === 'running';

  return (
    <div className="csv-export">
      <ExportToggleButton
        running={running}
        onStart={() => void start()}
        onCancel={cancel}
        startLabel={t('export.button')}
        cancelLabel={t('export.cancel')}
      />
      {running && (
        <progress className="csv-export__progress" aria-label={t('export.progressLabel')} />
      )}
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
