import { parseSourceInfo, type DataConnector } from '@dsc/api-types';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import '../../ui/field-list.css';
import { ConnectorId } from './connector-id.tsx';
import { sourceTypeLabel } from './source-type-label.ts';

/**
 * A connector as plain text, for a role that may read but not change it: disabled form fields
 * would look editable, are hard to read (greyed out) and skipped by the keyboard.
 */
export function DataConnectorDetails({ connector: c }: { connector: DataConnector }) {
  const { t } = useTranslation('mrs');
  const info = parseSourceInfo(c.source_info);
  const text = (v: string | null | undefined, mono = true) =>
    v ? <span className={mono ? 'mono' : undefined}>{v}</span> : <EmptyValue />;

  return (
    <dl className="field-list connector-details">
      <Row label={t('edit.fields.connectorName')}>{text(c.connector_name)}</Row>
      <Row label={t('id')}>
        <ConnectorId id={c.connector_id} name={c.connector_name} />
      </Row>
      <Row label={t('edit.fields.sourceType')}>{sourceTypeLabel(c.source_type)}</Row>
      <Row label={t('edit.fields.dbName')}>{text(info.db_name)}</Row>
      <Row label={t('edit.fields.userName')}>{text(info.user_name)}</Row>
      <Row label={t('edit.fields.password')}>
        {info.hasPassword ? t('view.passwordStored') : <EmptyValue />}
      </Row>
      <Row label={t('edit.fields.rdsInstanceId')}>{text(info.rds_instance_id)}</Row>
      <Row label={t('columns.created')}>
        <DateTime value={c.create_time} />
      </Row>
      <Row label={t('columns.updated')}>
        <DateTime value={c.last_update_time} />
      </Row>
      <Row label={t('columns.usedClusters')}>{text(c.used_clusters, false)}</Row>
    </dl>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
