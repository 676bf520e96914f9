import { describe, expect, it } from 'vitest';
import { FULL_PARSE_LIMIT, LEADING_WINDOW, leadingIsSuccess, looksLikeJsonDocument, mentionsIsSuccessFalse, viewSuccessBody } from './success-body.ts';

const big = (head: string, tail = '') => {
  const items = Array.from({ length: Math.ceil(FULL_PARSE_LIMIT / 20) }, (_, i) => ({ id: `conn-${i}`, name: 'n' }));
  return Buffer.from(`${head}"items":${JSON.stringify(items)}${tail}}`);
};

describe('success body view', () => {
  it('parses small bodies and the MRS update always', () => {
    expect(viewSuccessBody('dws.listClusters', Buffer.from('{"a":1}'))).toEqual({ kind: 'parsed', json: { a: 1 } });
    const large = big('{"result":"failed",');
    expect(large.length).toBeGreaterThan(FULL_PARSE_LIMIT);
    expect(viewSuccessBody('mrs.updateDataConnector', large)).toMatchObject({ kind: 'parsed', json: { result: 'failed' } });
  });

  it('leaves large bodies unparsed unless a DLI body mentions is_success false', () => {
    expect(viewSuccessBody('dli.listEnhancedConnections', big('{"is_success":true,'))).toEqual({ kind: 'unparsed', wellFormed: true });
    expect(viewSuccessBody('dws.listClusters', big('{"is_success":false,'))).toEqual({ kind: 'unparsed', wellFormed: true });
    expect(viewSuccessBody('dli.listEnhancedConnections', big('{"is_success" :\n false,'))).toMatchObject({ kind: 'parsed', json: { is_success: false } });
  });

  it('judges a large DLI body by its top-level is_success when it leads, by any mention otherwise', () => {
    expect(viewSuccessBody('dli.listEnhancedConnections', big('{"is_success":true,', ',"x":{"is_success":false}'))).toEqual({ kind: 'unparsed', wellFormed: true });
    const late = big('{"message":"", ', ',"is_success":false');
    expect(leadingIsSuccess(late)).toBeUndefined();
    expect(viewSuccessBody('dli.listEnhancedConnections', late)).toMatchObject({ kind: 'parsed', json: { is_success: false } });
    const lateTrue = big('{', ',"is_success":true');
    expect(viewSuccessBody('dli.listEnhancedConnections', lateTrue)).toEqual({ kind: 'unparsed', wellFormed: true });
  });

  it('reads only the top level of the head for is_success', () => {
    expect(leadingIsSuccess(Buffer.from('{"is_success":true}'))).toBe(true);
    expect(leadingIsSuccess(Buffer.from(' {"message":"a \\"is_success\\": true","is_success" :\n false}'))).toBe(false);
    expect(leadingIsSuccess(Buffer.from('{"a":{"is_success":true},"is_success":false}'))).toBe(false);
    expect(leadingIsSuccess(Buffer.from('{"a":["is_success"],"b":1}'))).toBeUndefined();
    expect(leadingIsSuccess(Buffer.from('{"name":"is_success","is_success":"yes"}'))).toBeUndefined();
    expect(leadingIsSuccess(Buffer.from('[{"is_success":true}]'))).toBeUndefined();
    expect(leadingIsSuccess(Buffer.from(`{"pad":"${'x'.repeat(LEADING_WINDOW)}","is_success":true}`))).toBeUndefined();
  });

  it('finds is_success false across JSON whitespace only', () => {
    expect(mentionsIsSuccessFalse(Buffer.from('{"x":1,"is_success"\t:  false}'))).toBe(true);
    expect(mentionsIsSuccessFalse(Buffer.from('{"is_success":true,"y":{"is_success":false}}'))).toBe(true);
    expect(mentionsIsSuccessFalse(Buffer.from('{"is_success":"false"}'))).toBe(false);
    expect(mentionsIsSuccessFalse(Buffer.from('{"is_success":true}'))).toBe(false);
  });

  it('checks the shape of an unparsed body', () => {
    expect(looksLikeJsonDocument(Buffer.from(' \n{"a":[1]}\r\n'))).toBe(true);
    expect(looksLikeJsonDocument(Buffer.from('[1,2]'))).toBe(true);
    expect(looksLikeJsonDocument(Buffer.from('{"a":[1'))).toBe(false);
    expect(looksLikeJsonDocument(Buffer.from('<html></html>'))).toBe(false);
    expect(looksLikeJsonDocument(Buffer.from('{"a":1]'))).toBe(false);
  });
});
