import { describe, expect, it } from 'vitest';
import { catalogue } from '@dsc/api-types';
import { ApiError } from '../errors.ts';
import { validateInput } from './validate.ts';

function rejection(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('validateInput', () => {
  it('keeps the parsed params, query and body', () => {
    const input = validateInput(catalogue['dli.listEnhancedConnections'], {
      params: {},
      query: { limit: '10', status: 'ACTIVE' },
      body: undefined,
    });
    expect(input).toEqual({ params: {}, query: { limit: '10', status: 'ACTIVE' }, body: undefined });

    const body = { hosts: [{ name: 'db1', ip: '10.0.0.1' }] };
    const put = validateInput(catalogue['dli.replaceHosts'], { params: { connection_id: 'abc-1' }, query: {}, body });
    expect(put.params).toEqual({ connection_id: 'abc-1' });
    expect(put.body).toEqual(body);
  });

  it('names body fields by their path, as the web forms do', () => {
    const err = rejection(() =>
      validateInput(catalogue['dli.replaceHosts'], {
        params: { connection_id: 'c1' },
        query: {},
        body: { hosts: [{ name: 'a', ip: '1.1.1.1' }, { name: 'b', ip: '1.1.1.1' }, { name: 'c', ip: '1.1.1.1' }, { name: 'd', ip: '300.1.1.1' }] },
      }),
    );
    expect(err.status).toBe(400);
    expect(err.code).toBe('VALIDATION');
    expect(err.fields).toEqual({ 'hosts.3.ip': expect.stringMatching(/^must be an IPv4 address/) });
    expect(err.message).toContain('hosts.3.ip');
  });

  it('refuses unknown body keys (schemas are strict where we send)', () => {
    const err = rejection(() =>
      validateInput(catalogue['dli.replaceHosts'], { params: { connection_id: 'c1' }, query: {}, body: { hosts: [], extra: 1 } }),
    );
    expect(Object.keys(err.fields ?? {})).toEqual(['(root)']);
  });

  it('refuses any query on an operation without one, and bad query values', () => {
    const none = rejection(() => validateInput(catalogue['dws.listClusters'], { params: {}, query: { limit: '1' }, body: undefined }));
    expect(none.fields).toEqual({ 'query.limit': 'is not allowed' });
    const bad = rejection(() =>
      validateInput(catalogue['dli.listEnhancedConnections'], { params: {}, query: { limit: 'ten', offset: ['1', '2'] }, body: undefined }),
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['query.limit', 'query.offset']);
  });

  it('refuses path ids that could escape their segment', () => {
    const err = rejection(() =>
      validateInput(catalogue['dli.getEnhancedConnection'], { params: { connection_id: '../queues' }, query: {}, body: undefined }),
    );
    expect(Object.keys(err.fields ?? {})).toEqual(['params.connection_id']);
  });

  it('requires the body an operation takes', () => {
    const err = rejection(() => validateInput(catalogue['dli.replaceHosts'], { params: { connection_id: 'c1' }, query: {}, body: undefined }));
    expect(Object.keys(err.fields ?? {})).toEqual(['(root)']);
  });

  it('refuses control characters and broken Unicode in any string, naming where', () => {
    const err = rejection(() =>
      validateInput(catalogue['dws.createExtDataSource'], {
        params: { cluster_id: 'c1' },
        query: {},
        body: { type: 'OBS', data_source_name: 'obs_1', user_name: 'agen\u0007cy', description: 'fine\nline', connect_info: 'x\uD800' },
      }),
    );
    expect(err.fields).toEqual({
      user_name: 'must not contain control characters or broken Unicode',
      connect_info: 'must not contain control characters or broken Unicode',
    });
    const query = rejection(() =>
      validateInput(catalogue['dli.listEnhancedConnections'], { params: {}, query: { name: 'a\u001bb' }, body: undefined }),
    );
    expect(query.fields).toEqual({ 'query.name': 'must not contain control characters or broken Unicode' });
    // Unicode text, tabs and line breaks are text like any other.
    expect(() =>
      validateInput(catalogue['dws.createExtDataSource'], {
        params: { cluster_id: 'c1' },
        query: {},
        body: { type: 'OBS', data_source_name: 'obs_1', user_name: '数据湖用户', description: '说明\t😀' },
      }),
    ).not.toThrow();
  });
});
