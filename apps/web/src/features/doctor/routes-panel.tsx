import type { ConnectionRoute } from '@dsc/api-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { DateTime } from '../../ui/date-time.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { AddRouteDialog, type RouteDraft } from './add-route-dialog.tsx';
import { useDeleteRoute } from './queries.ts';

export interface RoutesPanelProps {
  connectionId: string;
  connectionName: string;
  /** undefined: the cloud's answer had no routes field (the published models have none). */
  routes: readonly ConnectionRoute[] | undefined;
  readOnly: boolean;
  /** The route dialog's content; the doctor's "add route" fix opens it pre-filled. */
  draft: RouteDraft | null;
  onDraft: (draft: RouteDraft | null) => void;
}

export function RoutesPanel({ connectionId, connectionName, routes, readOnly, draft, onDraft }: RoutesPanelProps) {
  const { t } = useTranslation('doctor');
  const canAdd = usePermission('dli.createRoute').allowed && !readOnly;
  const canRemove = usePermission('dli.deleteRoute').allowed && !readOnly;
  const remove = useDeleteRoute(connectionId);
  const [removing, setRemoving] = useState<ConnectionRoute | null>(null);
  const [byName, setByName] = useState('');
  const list = routes ?? [];

  return (
    <section aria-labelledby="routes-heading" className="detail-section">
      <div className="detail-section__header">
        <h2 id="routes-heading" className="section-title">
          {t('routes.title', { n: list.length })}
        </h2>
        {canAdd && (
          <div className="detail-section__actions">
            <button type="button" className="button" onClick={() => onDraft({ name: '', cidr: '' })}>
              {t('routes.add')}
            </button>
          </div>
        )}
      </div>
      {routes === undefined && <p className="muted">{t('routes.notReported')}</p>}
      {routes !== undefined && list.length === 0 && <p className="muted">{t('routes.none')}</p>}
      {list.length > 0 && (
        <div className="data-table__scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('routes.caption', { name: connectionName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('routes.columns.name')}</th>
                <th scope="col">{t('routes.columns.cidr')}</th>
                <th scope="col">{t('routes.columns.created')}</th>
                {canRemove && (
                  <th scope="col">
                    <span className="visually-hidden">{t('routes.columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((r) => (
                <tr key={r.name}>
                  <th scope="row" className="mono">
                    {r.name}
                  </th>
                  <td className="mono">{r.cidr}</td>
                  <td>
                    <DateTime value={r.create_time} />
                  </td>
                  {canRemove && (
                    <td className="connection-actions-cell">
                      <button
                        type="button"
                        className="button button--small"
                        aria-label={t('routes.removeLabel', { name: r.name })}
                        onClick={() => {
                          remove.reset();
                          setRemoving(r);
                        }}
                      >
                        {t('routes.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {routes === undefined && canRemove && (
        <form
          className="doctor-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (byName.trim()) setRemoving({ name: byName.trim(), cidr: '' });
          }}
        >
          <label htmlFor="route-remove-name">{t('routes.removeByName')}</label>
          <input id="route-remove-name" className="input mono" value={byName} onChange={(e) => setByName(e.target.value)} />
          <button type="submit" className="button">
            {t('routes.remove')}
          </button>
        </form>
      )}
      <AddRouteDialog connectionId={connectionId} connectionName={connectionName} draft={draft} onClose={() => onDraft(null)} />
      <ConfirmDialog
        open={removing !== null}
        title={t('routes.removeTitle', { name: removing?.name ?? '' })}
        confirmLabel={remove.isPending ? t('routes.removing') : t('routes.removeConfirm')}
        cancelLabel={t('cancel')}
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? <ErrorState error={remove.error} title={t('routes.removeFailed')} /> : null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.name, { onSuccess: () => setRemoving(null) });
        }}
      >
        <p>
          {removing?.cidr
            ? t('routes.removeBody', { connection: connectionName, cidr: removing.cidr })
            : t('routes.removeBodyUnknown', { connection: connectionName, name: removing?.name ?? '' })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
