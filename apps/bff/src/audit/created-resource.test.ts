import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../request-context.ts';
import { createdOf, noteCreatedId } from './created-resource.ts';

const ctx = (part: Partial<RequestContext>): RequestContext => ({ requestId: 'r-1', ...part });
const input = (body: unknown) => ({ params: {}, query: {}, body });

describe('what a create made, for the audit trail', () => {
  it('takes the name from the body and the id from the success answer', () => {
    const c = ctx({ operationId: 'dli.createEnhancedConnection', input: input({ name: 'sales_db' }) });
    noteCreatedId(c, 200, Buffer.from(JSON.stringify({ is_success: true, connection_id: 'c-9' })));
    expect(createdOf(c)).toEqual({ id: 'c-9', name: 'sales_db' });
  });

  it('reads each create where it names its resource', () => {
    const mrs = ctx({ operationId: 'mrs.createDataConnector', input: input({ data_connector: { connector_name: 'etl' } }) });
    noteCreatedId(mrs, 201, '{"connector_id":"k-1"}');
    expect(createdOf(mrs)).toEqual({ id: 'k-1', name: 'etl' });
    const dws = ctx({ operationId: 'dws.createExtDataSource', input: input({ data_source_name: 'obs_1' }) });
    noteCreatedId(dws, 200, '{"id":"ds-1","job_id":"j-1"}');
    expect(createdOf(dws)).toEqual({ id: 'ds-1', name: 'obs_1' });
    expect(createdOf(ctx({ operationId: 'dli.createRoute', input: input({ name: 'r1', cidr: '10.0.0.0/8' }) }))).toEqual({ name: 'r1' });
  });

  it('keeps no id from an error answer or an unreadable body, and nothing before the body was valid', () => {
    const c = ctx({ operationId: 'dli.createEnhancedConnection' });
    noteCreatedId(c, 409, '{"connection_id":"c-1"}');
    noteCreatedId(c, 200, 'not json');
    expect(createdOf(c)).toBeUndefined();
  });

  it('says nothing for operations that create nothing', () => {
    const c = ctx({ operationId: 'dli.replaceHosts', input: input({ name: 'x' }) });
    noteCreatedId(c, 200, '{"connection_id":"c-1"}');
    expect(c.createdId).toBeUndefined();
    expect(createdOf(c)).toBeUndefined();
  });
});
