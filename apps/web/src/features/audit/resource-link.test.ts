import type { AuditEntry } from '@dsc/api-types';
import { describe, expect, it } from 'vitest';
import { resourceLinkOf } from './resource-link.ts';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  time: '2025-03-02T10:00:00.000Z',
  requestId: 'r-1',
  user: 'otto',
  role: 'operator',
  sourceAddress: '10.0.0.1',
  operation: 'dli.replaceHosts',
  target: 'prod',
  targetIds: {},
  outcome: 'success',
  httpStatus: 200,
  ...over,
});

describe('the link from an audit entry to its resource', () => {
  it('opens the connection a change acted on, and the one a create made', () => {
    expect(resourceLinkOf(entry({ targetIds: { connection_id: 'c-1' } }))).toEqual({ kind: 'connection', connectionId: 'c-1' });
    expect(resourceLinkOf(entry({ operation: 'dli.createEnhancedConnection', created: { id: 'c-2', name: 'n' } }))).toEqual({
      kind: 'connection',
      connectionId: 'c-2',
    });
  });

  it('edits the MRS connector and opens the DWS cluster’s data sources', () => {
    expect(resourceLinkOf(entry({ operation: 'mrs.updateDataConnector', targetIds: { connector_id: 'k-1' } }))).toEqual({
      kind: 'mrsConnector',
      connectorId: 'k-1',
    });
    expect(resourceLinkOf(entry({ operation: 'mrs.createDataConnector', created: { id: 'k-2' } }))).toEqual({ kind: 'mrsConnector', connectorId: 'k-2' });
    expect(
      resourceLinkOf(entry({ operation: 'dws.deleteExtDataSource', targetIds: { cluster_id: 'd-1', ext_data_source_id: 'x' } })),
    ).toEqual({ kind: 'dwsDataSources', clusterId: 'd-1' });
  });

  it('has none where nothing is left to open', () => {
    // The entry removed it.
    expect(resourceLinkOf(entry({ operation: 'dli.deleteEnhancedConnection', targetIds: { connection_id: 'c-1' } }))).toBeUndefined();
    expect(resourceLinkOf(entry({ operation: 'mrs.deleteDataConnector', targetIds: { connector_id: 'k-1' } }))).toBeUndefined();
    // A failed create made nothing, even if it named something.
    expect(resourceLinkOf(entry({ operation: 'dli.createEnhancedConnection', outcome: 'failure', created: { name: 'n' } }))).toBeUndefined();
    expect(resourceLinkOf(entry({ operation: 'session.signIn', target: undefined }))).toBeUndefined();
    expect(resourceLinkOf(entry({ operation: 'dli.getBasicConnection', outcome: 'denied', targetIds: { connection_id: 'b-1' } }))).toBeUndefined();
  });

  it('still links when a delete failed: the resource is still there', () => {
    expect(
      resourceLinkOf(entry({ operation: 'dli.deleteEnhancedConnection', outcome: 'failure', targetIds: { connection_id: 'c-1' } })),
    ).toEqual({ kind: 'connection', connectionId: 'c-1' });
  });
});
