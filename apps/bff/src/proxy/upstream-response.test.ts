import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { interpretUpstreamResponse, type UpstreamResponse } from './upstream-response.ts';

const resp = (status: number, body: string, extra: Partial<UpstreamResponse> = {}): UpstreamResponse => ({
  status,
  contentType: 'application/json',
  requestId: 'up-1',
  retryAfter: undefined,
  body: Buffer.from(body),
  ...extra,
});

describe('interpretUpstreamResponse', () => {
  it('passes a success body through byte for byte', () => {
    const raw = '{ "count" : 1, "connections":[] ,"is_success":true}';
    const r = interpretUpstreamResponse('dli.listEnhancedConnections', resp(200, raw));
    expect(r).not.toBeInstanceOf(ApiError);
    expect(r).toMatchObject({ status: 200, contentType: 'application/json' });
    expect((r as { body: Buffer }).body.toString()).toBe(raw);
  });

  it('passes empty success bodies and keeps 201', () => {
    expect(interpretUpstreamResponse('mrs.deleteDataConnector', resp(204, ''))).toMatchObject({ status: 204 });
    expect(interpretUpstreamResponse('mrs.createDataConnector', resp(201, '{"connector_id":"x"}'))).toMatchObject({ status: 201 });
  });

  it('turns an MRS update answering 200 {"result":"failed"} into UPSTREAM_RESULT_FAILED', () => {
    const r = interpretUpstreamResponse('mrs.updateDataConnector', resp(200, '{"result":"failed"}'));
    expect(r).toBeInstanceOf(ApiError);
    expect(r).toMatchObject({ status: 502, code: 'UPSTREAM_RESULT_FAILED', requestId: 'up-1', upstream: { status: 200 } });
    for (const ok of ['succeeded', 'succeed']) {
      expect(interpretUpstreamResponse('mrs.updateDataConnector', resp(200, `{"result":"${ok}"}`))).not.toBeInstanceOf(ApiError);
    }
  });

  it('treats DLI is_success:false on 200 as a failure', () => {
    const r = interpretUpstreamResponse('dli.deleteEnhancedConnection', resp(200, '{"is_success":false,"message":"queue busy"}'));
    expect(r).toMatchObject({ code: 'UPSTREAM_RESULT_FAILED', message: 'queue busy' });
  });

  it('judges large success bodies without losing DLI failures or truncation', () => {
    const items = JSON.stringify(Array.from({ length: 2000 }, (_, i) => ({ id: `c-${i}`, is_success: false })));
    const ok = `{"is_success":true,"connections":${items}}`;
    const passed = interpretUpstreamResponse('dli.listEnhancedConnections', resp(200, ok));
    expect((passed as { body: Buffer }).body.toString()).toBe(ok);
    const failed = `{"connections":${items},"is_success" : false,"message":"quota exceeded"}`;
    expect(interpretUpstreamResponse('dli.listEnhancedConnections', resp(200, failed))).toMatchObject({ code: 'UPSTREAM_RESULT_FAILED', message: 'quota exceeded' });
    expect(interpretUpstreamResponse('dws.listClusters', resp(200, `{"clusters":${items}`))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('refuses redirects and non-JSON success bodies', () => {
    expect(interpretUpstreamResponse('dws.listClusters', resp(302, ''))).toMatchObject({ status: 502, code: 'UPSTREAM_REDIRECT', upstream: { status: 302 } });
    expect(interpretUpstreamResponse('dws.listClusters', resp(200, '{"clusters":[{"id"'))).toMatchObject({ status: 502, code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('normalises error statuses', () => {
    expect(interpretUpstreamResponse('dws.getJob', resp(404, '{"error":{"code":"DWS.0404","message":"no job"}}'))).toMatchObject({
      status: 404,
      code: 'UPSTREAM_ERROR',
      upstream: { status: 404, code: 'DWS.0404', message: 'no job' },
    });
  });
});
