import type { FleetConnection, TargetSummary } from '@dsc/api-types';
import { useTranslation } from 'react-i18next';
import { useExportRun } from '../../lib/use-export-run.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { ExportToggleButton } from '../../ui/export-toggle-button.tsx';
import { downloadCsv } from '../connections/csv-export.ts';
import { applyClientView, type ClientView } from './fleet-view.ts';
import { buildFleetCsv, fleetExportFilename } from './fleet-csv.ts';
import { fetchFleetConnections, toFleetQuery, type FleetListParams } from './fleet-queries.ts';

/**
 * CSV of every row the merged list's filters match, with the target in the first columns. One
 * request (limit 0): the BFF reads each target's whole list anyway.
 */
export function FleetExportCsv({
  params,
  view,
  targets,
}: {
  params: FleetListParams;
  view: ClientView;
  targets: ReadonlyMap<string, TargetSummary>;
}) {
  const { t } = useTranslation('connections');
  const { state, start, cancel } = useExportRun(async (signal) => {
    const res = await fetchFleetConnections(
      toFleetQuery({ ...params, page: 1, pageSize: 0 }),
      signal,
    );
    const rows = applyClientView(res.connections, view) as FleetConnection[];
    const csv = await buildFleetCsv(rows, targets);
    if (signal.aborted) return undefined;
    downloadCsv(csv, fleetExportFilename(new Date()));
    return { rows: rows.length };
  });

  return (
    <div className="csv-export">
      <ExportToggleButton
        running={state.phase === 'running'}
        onStart={() => void start()}
        onCancel={cancel}
        startLabel={t('export.button')}
        cancelLabel={t('export.cancel')}
      />
      <span role="status" className="csv-export__status">
        {state.phase === 'running' && t('export.starting')}
        {state.phase === 'done' && t('export.done', { count: state.rows })}
      </span>
      {state.phase === 'failed' && (
        <ErrorState title={t('export.failed')} error={state.error} onRetry={() => void start()} />
      )}
    </div>
  );
}
