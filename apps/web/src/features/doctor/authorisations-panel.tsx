import { PROJECT_ID, privilegeProjectId } from '@dsc/api-types/meta';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ErrorState } from '../../ui/error-state.tsx';
import { FormField } from '../../ui/form-field.tsx';
import { privilegesOptions, useAuthorize } from './queries.ts';

/** Which other projects may bind their queues to this connection; grant and revoke. */
export function AuthorisationsPanel({
  connectionId,
  connectionName,
  readOnly,
}: {
  connectionId: string;
  connectionName: string;
  readOnly: boolean;
}) {
  const { t } = useTranslation('doctor');
  const query = useQuery({ ...privilegesOptions(connectionId), enabled: !readOnly });
  const canChange = usePermission('dli.authorizeConnection').allowed && !readOnly;
  const grant = useAuthorize(connectionId);
  const revoke = useAuthorize(connectionId);
  const [project, setProject] = useState('');
  const [touched, setTouched] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const list = query.data?.privileges ?? [];
  const bad = !PROJECT_ID.test(project.trim());

  return (
    <section aria-labelledby="authorisations-heading" className="detail-section" id="authorisations">
      <h2 id="authorisations-heading" className="section-title" tabIndex={-1}>
        {t('auth.title', { n: list.length })}
      </h2>
      {query.isError && <ErrorState error={query.error} title={t('auth.loadFailed')} onRetry={() => void query.refetch()} />}
      {query.isSuccess && list.length === 0 && <p className="muted">{t('auth.none')}</p>}
      {list.length > 0 && (
        <div className="data-table__scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('auth.caption', { name: connectionName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.columns.project')}</th>
                <th scope="col">{t('auth.columns.privileges')}</th>
                {canChange && (
                  <th scope="col">
                    <span className="visually-hidden">{t('auth.columns.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.map((p) => {
                const id = privilegeProjectId(p);
                return (
                  <tr key={id}>
                    <th scope="row" className="mono">
                      {id}
                    </th>
                    <td>{p.privileges.join(', ')}</td>
                    {canChange && (
                      <td className="connection-actions-cell">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('auth.revokeLabel', { project: id })}
                          onClick={() => {
                            revoke.reset();
                            setRevoking(id);
                          }}
                        >
                          {t('auth.revoke')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canChange && (
        <form
          className="doctor-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            setTouched(true);
            if (bad) return;
            grant.mutate(
              { projectId: project.trim(), action: 'grant' },
              {
                onSuccess: () => {
                  setProject('');
                  setTouched(false);
                },
              },
            );
          }}
        >
          <FormField label={t('auth.projectId')} hint={t('auth.projectHint')} error={touched && bad ? t('auth.projectProblem') : undefined}>
            {(ids) => (
              <input
                id={ids.id}
                className="input mono"
                value={project}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
                onChange={(e) => setProject(e.target.value)}
              />
            )}
          </FormField>
          <button type="submit" className="button button--primary" disabled={grant.isPending} aria-busy={grant.isPending || undefined}>
            {grant.isPending ? t('auth.granting') : t('auth.grant')}
          </button>
          {grant.isError && <ErrorState error={grant.error} title={t('auth.grantFailed')} />}
        </form>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={t('auth.revokeTitle', { project: revoking ?? '' })}
        confirmLabel={revoke.isPending ? t('auth.revoking') : t('auth.revokeConfirm')}
        cancelLabel={t('cancel')}
        tone="danger"
        pending={revoke.isPending}
        error={revoke.isError ? <ErrorState error={revoke.error} title={t('auth.revokeFailed')} /> : null}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate({ projectId: revoking, action: 'revoke' }, { onSuccess: () => setRevoking(null) });
        }}
      >
        <p>{t('auth.revokeBody', { project: revoking ?? '', connection: connectionName })}</p>
      </ConfirmDialog>
    </section>
  );
}
