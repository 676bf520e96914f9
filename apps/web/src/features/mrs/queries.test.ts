import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api-error.ts';
import { consoleError, jsonResponse, mockFetch } from '../../test/fetch-mock.ts';
import { toListQuery, updateDataConnector } from './queries.ts';

const body = {
  data_connector: {
    connector_name: 'c1',
    source_type: 'RDS_MYSQL' as const,
    source_info: '{"db_name":"d","user_name":"u","rds_instance_id":"r"}',
  },
};

describe('MRS update result mapping', () => {
  it.each(['succeeded', 'succeed'])('"%s" is a success', async (result) => {
    const { requests } = mockFetch(() => jsonResponse({ result }));
    await expect(updateDataConnector('id-1', body)).resolves.toEqual({ result });
    expect(requests[0]!.method).toBe('PUT');
    expect(requests[0]!.url.pathname).toBe('/api/mrs/data-connectors/id-1');
    expect(requests[0]!.body).toEqual(body);
  });

  it('"failed" with HTTP 200 is a failure, even if it got past the BFF', async () => {
    mockFetch(() => jsonResponse({ result: 'failed' }));
    const e = await updateDataConnector('id-1', body).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ code: 'UPSTREAM_RESULT_FAILED', upstream: { status: 200, message: 'failed' } });
  });

  it('the BFF’s UPSTREAM_RESULT_FAILED arrives with what the upstream said and the request id', async () => {
    mockFetch(() =>
      consoleError(502, {
        code: 'UPSTREAM_RESULT_FAILED',
        message: 'The update answer says result "failed"',
        requestId: 'req-42',
        upstream: { status: 200, message: 'The update answer says result "failed"' },
      }),
    );
    await expect(updateDataConnector('id-1', body)).rejects.toMatchObject({
      status: 502,
      code: 'UPSTREAM_RESULT_FAILED',
      requestId: 'req-42',
      upstream: { status: 200 },
    });
  });
});

describe('list query', () => {
  it('turns the page into limit/offset and the filters into upstream names', () => {
    expect(toListQuery({ page: 3, pageSize: 50, name: 'orders', type: 'gaussdb-mysql' })).toEqual({
      limit: '50',
      offset: '100',
      connector_name: 'orders',
      source_type: 'gaussdb-mysql',
    });
    expect(toListQuery({ page: 1, pageSize: 20 })).toEqual({ limit: '20', offset: '0' });
  });
});
