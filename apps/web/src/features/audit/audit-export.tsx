import type { AuditQuery } from '@dsc/api-types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/error-state.tsx';
import { downloadCsv } from '../connections/csv-export.ts';
import { AUDIT_EXPORT_MAX, auditExportFilename, buildAuditCsv, fetchAuditForExport } from './audit-csv.ts';

type ExportState =
  | { phase: 'idle' }
  | { phase: 'running' }
  | { phase: 'done'; rows: number; total: number }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown };

/** CSV of every entry the applied filters match (not just this page), with Cancel. */
export function AuditExport({ filters }: { filters: Omit<AuditQuery, 'limit' | 'offset'> }) {
  const { t } = useTranslation('audit');
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    const ac = new AbortController();
    controller.current = ac;
    setState({ phase: 'running' });
    try {
      const { entries, total } = await fetchAuditForExport(filters, { signal: ac.signal });
      if (ac.signal.aborted) return;
      const csv = await buildAuditCsv(entries, t);
      if (ac.signal.aborted) return;
      downloadCsv(csv, auditExportFilename(new Date()));
      setState({ phase: 'done', rows: entries.length, total });
    } catch (e) {
      if (!ac.signal.aborted) setState({ phase: 'failed', error: e });
    }
  };
  const cancel = () => {
    controller.current?.abort();
    setState({ phase: 'cancelled' });
  };

  return (
    <div className="audit__export">
      {state.phase === 'running' ? (
        <button type="button" className="button" onClick={cancel}>
          {t('export.cancel')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => void start()}>
          {t('export.button')}
        </button>
      )}
      <span role="status" className="audit__export-status">
        {state.phase === 'running' && t('export.running')}
        {state.phase === 'done' &&
          (state.total > state.rows
            ? t('export.capped', { count: state.rows, total: state.total, max: AUDIT_EXPORT_MAX })
            : t('export.done', { count: state.rows }))}
        {state.phase === 'cancelled' && t('export.cancelled')}
      </span>
      {state.phase === 'failed' && <ErrorState title={t('export.failed')} error={state.error} onRetry={() => void start()} />}
    </div>
  );
}
