import { describe, expect, it } from 'vitest';
import { FULL_PARSE_LIMIT, looksLikeJsonDocument, mentionsIsSuccessFalse, viewSuccessBody } from './success-body.ts';

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
