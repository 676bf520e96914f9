import type { AuditEntry } from '@dsc/api-types';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyValue } from '../../ui/empty-value.tsx';
import { resourceLinkOf, type ResourceLink } from './resource-link.ts';

/** Which fleet target, what a create made, the path ids, and a link to the resource when it still makes sense. */
export function AuditTargets({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const ids = Object.entries(entry.targetIds);
  const { created } = entry;
  const link = resourceLinkOf(entry);
  if (!entry.target && !created && ids.length === 0) return <EmptyValue />;
  return (
    <div className="stack">
      <dl className="audit__targets">
        {entry.target && (
          <div>
            <dt>{t('targets.target')}</dt>
            <dd className="mono">{entry.target}</dd>
          </div>
        )}
        {created?.name && (
          <div>
            <dt>{t('targets.createdName')}</dt>
            <dd>{created.name}</dd>
          </div>
        )}
        {created?.id && (
          <div>
            <dt>{t('targets.createdId')}</dt>
            <dd className="mono">{created.id}</dd>
          </div>
        )}
        {ids.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd className="mono">{value}</dd>
          </div>
        ))}
      </dl>
      {link && <ResourceLinkTo link={link} target={entry.target} />}
    </div>
  );
}

function ResourceLinkTo({ link, target }: { link: ResourceLink; target: string | undefined }) {
  const { t } = useTranslation('audit');
  // The entry's own target, not the one the console is on now: the resource lives there.
  const search = { target };
  switch (link.kind) {
    case 'connection':
      return (
        <Link to="/connections/$connectionId" params={{ connectionId: link.connectionId }} search={search}>
          {t('links.connection')}
        </Link>
      );
    case 'mrsConnector':
      return (
        <Link to="/mrs/data-connectors/$connectorId/edit" params={{ connectorId: link.connectorId }} search={search}>
          {t('links.mrsConnector')}
        </Link>
      );
    case 'dwsDataSources':
      return (
        <Link to="/dws/clusters/$clusterId/data-sources" params={{ clusterId: link.clusterId }} search={search}>
          {t('links.dwsDataSources')}
        </Link>
      );
  }
}
