import type { AuditEntry } from '@dsc/api-types';

/** The console page of the resource an entry acted on, where one can still be opened. */
export type ResourceLink =
  | { kind: 'connection'; connectionId: string }
  | { kind: 'mrsConnector'; connectorId: string }
  | { kind: 'dwsDataSources'; clusterId: string };

/**
 * No link when the entry itself removed the resource (a successful delete), when a create made
 * nothing, or for basic connections (their page takes an id typed by hand, not a link from here).
 * A resource deleted later still gets a link: its page says it is gone.
 */
export function resourceLinkOf(e: AuditEntry): ResourceLink | undefined {
  const removed = e.outcome === 'success' && /^[a-z]+\.delete(EnhancedConnection|DataConnector)$/.test(e.operation);
  if (removed) return undefined;
  const madeId = e.outcome === 'success' ? e.created?.id : undefined;
  const connectionId = e.targetIds.connection_id ?? (e.operation === 'dli.createEnhancedConnection' ? madeId : undefined);
  if (connectionId && e.operation !== 'dli.getBasicConnection') return { kind: 'connection', connectionId };
  const connectorId = e.targetIds.connector_id ?? (e.operation === 'mrs.createDataConnector' ? madeId : undefined);
  if (connectorId) return { kind: 'mrsConnector', connectorId };
  const clusterId = e.targetIds.cluster_id;
  if (clusterId) return { kind: 'dwsDataSources', clusterId };
  return undefined;
}
