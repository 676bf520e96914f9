import type { AuditQuery } from '@dsc/api-types';
import { useTranslation } from 'react-i18next';
import { useExportRun } from '../../lib/use-export-run.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { ExportToggleButton } from '../../ui/export-toggle-button.tsx';
import { downloadCsv } from '../connections/csv-export.ts';
import {
  AUDIT_EXPORT_MAX,
  auditExportFilename,
  buildAuditCsv,
  fetchAuditForExport,
} from './audit-csv.ts';

/** CSV of every entry the applied filters match (not just this page), with Cancel. */
export function AuditExport({ filters }: { filters: Omit<AuditQuery, 'limit' | 'offset'> }) {
  const { t } = useTranslation('audit');
  const { state, start, cancel } = useExportRun(async (signal) => {
    const { entries, total } = await fetchAuditForExport(filters, { signal });
    if (signal.aborted) return undefined;
    const csv = await buildAuditCsv(entries, t);
    if (signal.aborted) return undefined;
    downloadCsv(csv, auditExportFilename(new Date()));
    return { rows: entries.length, total };
  });

  return (
    <div className="audit__export">
      <ExportToggleButton
        running={state.phase === 'running'}
        onStart={() => void start()}
        onCancel={cancel}
        startLabel={t('export.button')}
        cancelLabel={t('export.cancel')}
      />
      <span role="status" className="audit__export-status">
        {state.phase === 'running' && t('export.running')}
        {state.phase === 'done' &&
          (state.total > state.rows
            ? t('export.capped', { count: state.rows, total: state.total, max: AUDIT_EXPORT_MAX })
            : t('export.done', { count: state.rows }))}
        {state.phase === 'cancelled' && t('export.cancelled')}
      </span>
      {state.phase === 'failed' && (
        <ErrorState title={t('export.failed')} error={state.error} onRetry={() => void start()} />
      )}
    </div>
  );
}
