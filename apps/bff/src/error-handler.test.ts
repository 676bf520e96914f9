import { describe, expect, it } from 'vitest';
import { toApiError } from './error-handler.ts';
import { ApiError } from './errors.ts';

describe('toApiError', () => {
  it('maps body-parser failures without echoing the body', () => {
    const parse = Object.assign(new SyntaxError('Unexpected token, "{"password":"hunter2" is not valid JSON'), {
      type: 'entity.parse.failed',
      status: 400,
    });
    const e = toApiError(parse);
    expect([e.status, e.code]).toEqual([400, 'MALFORMED_JSON']);
    expect(e.message).not.toContain('hunter2');
    expect(toApiError({ type: 'entity.too.large', status: 413 })).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toApiError({ type: 'charset.unsupported', status: 415 })).toMatchObject({ status: 415 });
  });

  it('a path parameter that is not valid percent-encoding is 400, without echoing the path', () => {
    const e = toApiError(Object.assign(new URIError("Failed to decode param '%FF%FEsecret'"), { status: 400 }));
    expect([e.status, e.code]).toEqual([400, 'VALIDATION']);
    expect(e.message).not.toContain('secret');
  });

  it('hides unexpected errors behind INTERNAL', () => {
    const e = toApiError(new Error('secret detail'));
    expect([e.status, e.code, e.message]).toEqual([500, 'INTERNAL', 'Internal error']);
    const own = new ApiError('NOT_FOUND', 'x');
    expect(toApiError(own)).toBe(own);
  });
});
