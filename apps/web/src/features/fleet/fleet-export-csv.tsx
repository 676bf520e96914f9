import type { FleetConnection, TargetSummary } from '@dsc/api-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/error-state.tsx';
import { downloadCsv } from '../connections/csv-export.ts';
import { applyClientView, type ClientView } from './fleet-view.ts';
import { buildFleetCsv, fleetExportFilename } from './fleet-csv.ts';
import { fetchFleetConnections, toFleetQuery, type FleetListParams } from './fleet-queries.ts';

type ExportState = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; rows: number } | { phase: 'failed'; error: unknown };

/**
 * CSV of every row the merged list's filters match, with the target in the first columns. One
 * request (limit 0): the BFF reads each target's whole list anyway.
 */
export function FleetExportCsv({ params, view, targets }: { params: FleetListParams; view: ClientView; targets: ReadonlyMap<string, TargetSummary> }) {
  const { t } = useTranslation('connections');
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setState({ phase: 'running' });
    try {
      const res = await fetchFleetConnections(toFleetQuery({ ...params, page: 1, pageSize: 0 }), ac.signal);
      const rows = applyClientView(res.connections, view) as FleetConnection[];
      const csv = await buildFleetCsv(rows, targets);
      if (ac.signal.aborted) return;
      downloadCsv(csv, fleetExportFilename(new Date()));
      setState({ phase: 'done', rows: rows.length });
    } catch (e) {
      if (!ac.signal.aborted) setState({ phase: 'failed', error: e });
    }
  };
  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'idle' });
  };

  return (
    <div className="csv-export">
      {state.phase === 'running' ? (
        <button type="button" className="button" onClick={cancel}>
          {t('export.cancel')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          {t('export.button')}
        </button>
      )}
      <span role="status" className="csv-export__status">
        {state.phase === 'running' && t('export.starting')}
        {state.phase === 'done' && t('export.done', { count: state.rows })}
      </span>
      {state.phase === 'failed' && <ErrorState title={t('export.failed')} error={state.error} onRetry={() => void start()} />}
    </div>
  );
}
