import type { EnhancedConnection } from '@dsc/api-types';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../ui/date-time.tsx';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { FieldList } from '../../ui/field-list.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { privisState } from './privis.ts';
import { poolName, poolStatus } from './transitional.ts';

/** Fields this page shows in their own place; anything else the API sends is listed as it came. */
const SHOWN = new Set([
  'id',
  'name',
  'status',
  'available_queue_info',
  'elastic_resource_pools',
  'dest_vpc_id',
  'dest_network_id',
  'isPrivis',
  'create_time',
  'hosts',
  'ipv6_enable',
  'routetable_id',
  'tags',
  'is_success',
  'message',
]);

export interface ConnectionSummaryProps {
  connection: EnhancedConnection & Record<string, unknown>;
  /** isPrivis from a list page, when the get-one answer had none. */
  listedPrivis?: boolean | undefined;
}

/** Everything the get-one API returns about the connection itself (queues and hosts have their own sections). */
export function ConnectionSummary({ connection: c, listedPrivis }: ConnectionSummaryProps) {
  const { t } = useTranslation('connections');
  const privis = c.isPrivis ?? listedPrivis;
  const state = privisState(privis);
  const pools = c.elastic_resource_pools ?? [];
  const extra = Object.fromEntries(Object.entries(c).filter(([k]) => !SHOWN.has(k)));

  return (
    <>
      <dl className="connection-summary">
        <Item label={t('editor.fields.name')}>
          <span className="mono">{c.name}</span>
        </Item>
        <Item label={t('editor.detail.id')}>
          <code>{c.id}</code>
        </Item>
        <Item label={t('editor.detail.status')}>
          <StatusBadge status={c.status} />
        </Item>
        <Item label={t('editor.detail.created')}>
          <DateTime value={c.create_time} />
        </Item>
        <Item label={t('editor.fields.vpc')}>
          <code>{c.dest_vpc_id}</code>
        </Item>
        <Item label={t('editor.fields.subnet')}>
          <code>{c.dest_network_id}</code>
        </Item>
        <Item label={t('editor.fields.routeTable')}>
          {c.routetable_id ? <code>{c.routetable_id}</code> : <EmptyValue />}
        </Item>
        <Item label={t('editor.detail.ipv6')}>
          {c.ipv6_enable === undefined
            ? t('editor.detail.unknown')
            : c.ipv6_enable
              ? t('editor.detail.enabled')
              : t('editor.detail.disabled')}
        </Item>
        <Item label={t('editor.detail.privisLabel')}>
          <span data-testid="privis">
            {t(`editor.detail.privis.${state}`)}
            {c.isPrivis === undefined && listedPrivis !== undefined && (
              <span className="muted"> {t('editor.detail.privisFromList')}</span>
            )}
          </span>
          <span className="field-hint connection-summary__note">{t('editor.detail.privisNote')}</span>
        </Item>
        <Item label={t('editor.fields.tags')}>
          {c.tags && c.tags.length > 0 ? (
            <ul className="tag-list">
              {c.tags.map((tag) => (
                <li key={tag.key} className="tag-list__item">
                  <span className="tag-list__key">{tag.key}</span>
                  <span className="tag-list__value">{tag.value}</span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyValue />
          )}
        </Item>
        <Item label={t('editor.detail.pools')}>
          {pools.length > 0 ? (
            <ul className="binding-list">
              {pools.map((p: unknown, i: number) => {
                const status = poolStatus(p);
                const err = p && typeof p === 'object' && 'err_msg' in p ? String(p.err_msg ?? '') : '';
                return (
                  <li key={i} className="binding-list__item">
                    <span className="binding-list__name">{poolName(p)}</span>
                    {status && <StatusBadge status={status} detail={err || undefined} />}
                  </li>
                );
              })}
            </ul>
          ) : (
            <EmptyValue />
          )}
        </Item>
      </dl>
      {Object.keys(extra).length > 0 && (
        <details className="connection-summary__extra">
          <summary>{t('editor.detail.otherFields')}</summary>
          <FieldList value={extra} />
        </details>
      )}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="connection-summary__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
