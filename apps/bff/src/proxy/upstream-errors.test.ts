import { describe, expect, it } from 'vitest';
import { errorBody } from '../errors.ts';
import { mapUpstreamStatus, upstreamError } from './upstream-errors.ts';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('upstreamError', () => {
  it('reads the flat {error_code, error_msg, request_id} shape', () => {
    const e = upstreamError(400, json({ error_code: 'DLI.0001', error_msg: 'Parameter check failed', request_id: 'body-rid' }), undefined);
    expect(errorBody(e, 'ours')).toEqual({
      error: {
        code: 'UPSTREAM_ERROR',
        message: 'Parameter check failed',
        status: 400,
        requestId: 'ours',
        upstream: { status: 400, code: 'DLI.0001', message: 'Parameter check failed' },
      },
    });
    expect(e.requestId).toBe('body-rid');
  });

  it('reads {code, message} and nested {error: {code, message}}', () => {
    const cm = upstreamError(404, json({ code: 'MRS.0011', message: 'connector not found' }), 'hdr-rid');
    expect([cm.status, cm.upstream, cm.requestId]).toEqual([404, { status: 404, code: 'MRS.0011', message: 'connector not found' }, 'hdr-rid']);
    const nested = upstreamError(409, json({ error: { code: 'DWS.0001', message: 'busy' } }), undefined);
    expect([nested.status, nested.upstream]).toEqual([409, { status: 409, code: 'DWS.0001', message: 'busy' }]);
  });

  it('turns the gateway refusing our AK/SK into 502 UPSTREAM_AUTH, never 401', () => {
    const e = upstreamError(401, json({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: verify aksk signature fail' }), 'r');
    expect([e.status, e.code, e.upstream?.status, e.upstream?.code]).toEqual([502, 'UPSTREAM_AUTH', 401, 'APIGW.0301']);
    expect(upstreamError(403, json({ error_code: 'APIGW.0302' }), undefined).status).toBe(502);
  });

  it('maps throttling and 5xx', () => {
    const t = upstreamError(429, json({ error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' }), undefined, '3');
    expect([t.status, t.code, t.headers]).toEqual([429, 'THROTTLED', { 'Retry-After': '3' }]);
    expect(mapUpstreamStatus(500)).toEqual({ status: 502, code: 'UPSTREAM_ERROR' });
    expect(mapUpstreamStatus(503)).toEqual({ status: 503, code: 'UPSTREAM_UNAVAILABLE' });
    expect(mapUpstreamStatus(504)).toEqual({ status: 504, code: 'UPSTREAM_TIMEOUT' });
    expect(mapUpstreamStatus(422)).toEqual({ status: 422, code: 'UPSTREAM_ERROR' });
  });

  it('survives non-JSON, truncated and empty bodies', () => {
    const html = upstreamError(502, Buffer.from('<html><body>Bad Gateway</body></html>'), undefined);
    expect([html.status, html.upstream, html.message]).toEqual([502, { status: 502 }, 'The cloud service answered HTTP 502 with a body that is not JSON']);
    const cut = upstreamError(400, Buffer.from('{"error_code":"DLI.0001","error_m'), undefined);
    expect(cut.upstream).toEqual({ status: 400 });
    expect(upstreamError(500, Buffer.alloc(0), undefined).message).toBe('The cloud service answered HTTP 500');
  });

  it('keeps messages to one bounded line', () => {
    const e = upstreamError(400, json({ error_code: 'X', error_msg: `line1\nline2 ${'x'.repeat(2000)}` }), undefined);
    expect(e.upstream?.message).not.toContain('\n');
    expect(e.upstream?.message?.length).toBeLessThanOrEqual(501);
  });
});
