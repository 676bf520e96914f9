import { describe, expect, it } from 'vitest';
import { parseSdkDate, sign, verify } from './index.ts';
import type { Credentials, SignableRequest, VerifyResult } from './index.ts';
import { asReceived } from './testing/received.ts';
import { Rng } from './testing/rng.ts';

const NOW = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));
const MIN = 60_000;
const PERMANENT: Credentials = { ak: 'AKPERMANENT000000001', sk: 'permanent-sk-0123456789abcdef' };
const TEMPORARY: Credentials = { ak: 'AKTEMPORARY000000002', sk: 'temporary-sk-fedcba9876543210', securityToken: 'tok-AbCdEf0123456789==' };
const lookup = (ak: string) =>
  ak === PERMANENT.ak ? { sk: PERMANENT.sk } : ak === TEMPORARY.ak ? { sk: TEMPORARY.sk, securityToken: TEMPORARY.securityToken } : undefined;
const OK = (ak: string): VerifyResult => ({ ok: true, ak });
const FAIL = (reason: Extract<VerifyResult, { ok: false }>['reason']): VerifyResult => ({ ok: false, reason });

const bigBody = JSON.stringify({
  hosts: Array.from({ length: 600 }, (_, i) => ({ name: `host-${i}-主机`, ip: `10.0.${i >> 8}.${i & 255}` })),
});

interface Case {
  title: string;
  req: SignableRequest;
  creds: Credentials;
  signedHeaders?: string[];
}
const CASES: Case[] = [
  {
    title: 'GET with query and project id',
    creds: PERMANENT,
    req: {
      method: 'GET',
      url: 'http://127.0.0.1:4010/v2.0/0a1b2c/datasource/enhanced-connections?limit=2&offset=0&status=ACTIVE',
      headers: { 'Content-Type': 'application/json', 'X-Project-Id': '0a1b2c', 'User-Agent': 'console' },
      body: '',
    },
  },
  {
    title: 'POST with encoded path, repeated keys, unicode JSON body and a security token',
    creds: TEMPORARY,
    req: {
      method: 'POST',
      url: 'http://127.0.0.1:4010/v2.0/p/datasource/%E4%B8%AD%E6%96%87%20conn/a%2Fb?tags=k%3Dv&tags=a+b&flag&%F0%9F%98%80=%25',
      headers: { 'content-type': 'application/json;charset=UTF-8', 'x-project-id': 'p' },
      body: JSON.stringify({ name: '连接_1', queues: ['q1', 'q🚀'], note: "it's *ok* (1+1=2)" }),
    },
  },
  {
    title: 'PUT with a 20 kB body and an extra signed header',
    creds: PERMANENT,
    signedHeaders: ['X-Request-Id'],
    req: {
      method: 'PUT',
      url: 'https://dws.example.com/v1.0/p/clusters/c1/ext-data-sources/e1',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-0001' },
      body: new TextEncoder().encode(bigBody),
    },
  },
  {
    title: 'DELETE with neither query nor body',
    creds: TEMPORARY,
    req: { method: 'DELETE', url: 'https://dli.cn-north-4.myhuaweicloud.com/v2.0/p/datasource/enhanced-connections/x1', headers: {}, body: '' },
  },
];

function signed(c: Case): SignableRequest {
  return asReceived(c.req, sign(c.req, c.creds, { now: NOW, signedHeaders: c.signedHeaders }));
}

/** Replaces one character with one that differs even ignoring case (hex case is not a change). */
function replaceAt(s: string, i: number, ignoreCase: boolean): string {
  const orig = s[i] ?? '';
  const same = (a: string) => (ignoreCase ? a.toLowerCase() === orig.toLowerCase() : a === orig);
  const alt = ['X', 'q', '7'].find((a) => !same(a)) ?? 'Z';
  return s.slice(0, i) + alt + s.slice(i + 1);
}

describe('verify accepts what sign produced', () => {
  it.each(CASES)('$title', (c) => {
    expect(verify(signed(c), lookup, { now: NOW })).toEqual(OK(c.creds.ak));
  });

  it('accepts an absolute URL and mixed-case, padded header names and values too', () => {
    const c = CASES[0]!;
    const added = sign(c.req, c.creds, { now: NOW });
    expect(verify({ ...c.req, headers: { ...c.req.headers, ...added } }, lookup, { now: NOW })).toEqual(OK(c.creds.ak));
    const padded = Object.fromEntries(Object.entries({ ...c.req.headers, ...added }).map(([k, v]) => [k.toUpperCase(), ` ${v}\t`]));
    expect(verify({ ...c.req, headers: padded }, lookup, { now: NOW })).toEqual(OK(c.creds.ak));
  });

  it('accepts rewrites of the URL that mean the same bytes (hex case, + for %20)', () => {
    const c = CASES[1]!;
    const r = signed(c);
    for (const url of [r.url.replace('%E4%B8%AD', '%e4%b8%ad'), r.url.replace('a+b', 'a%20b'), r.url.replace('%2F', '%2f')]) {
      expect(url).not.toBe(r.url);
      expect(verify({ ...r, url }, lookup, { now: NOW })).toEqual(OK(c.creds.ak));
    }
  });

  it('ignores changes to headers that were not signed', () => {
    const r = signed(CASES[0]!);
    expect(verify({ ...r, headers: { ...r.headers, 'user-agent': 'other', accept: '*/*' } }, lookup, { now: NOW })).toEqual(OK(PERMANENT.ak));
  });
});

describe('verify rejects every single-character change', () => {
  it.each(CASES)('method: $title', (c) => {
    const r = signed(c);
    for (let i = 0; i < r.method.length; i++) {
      for (const method of [replaceAt(r.method, i, false), r.method.slice(0, i) + r.method[i]!.toLowerCase() + r.method.slice(i + 1)]) {
        expect(verify({ ...r, method }, lookup, { now: NOW }), method).toEqual(FAIL('mismatch'));
      }
    }
  });

  it.each(CASES)('path and query, every position: $title', (c) => {
    const r = signed(c);
    // From 1: the leading '/' is what makes a request target a path at all.
    for (let i = 1; i < r.url.length; i++) {
      const url = replaceAt(r.url, i, true);
      expect(verify({ ...r, url }, lookup, { now: NOW }), url).toEqual(FAIL('mismatch'));
    }
  });

  it.each(CASES)('each signed header value, every position: $title', (c) => {
    const r = signed(c);
    const names = /SignedHeaders=([^,]+),/.exec(r.headers.authorization ?? '')![1]!.split(';');
    expect(names).toContain('host');
    for (const name of names.filter((n) => n !== 'x-sdk-date')) {
      const value = r.headers[name]!;
      for (let i = 0; i < value.length; i++) {
        const headers = { ...r.headers, [name]: replaceAt(value, i, false) };
        expect(verify({ ...r, headers }, lookup, { now: NOW }), `${name}@${i}`).toEqual(FAIL('mismatch'));
      }
    }
  });

  it.each(CASES)('x-sdk-date, every position and digit: $title', (c) => {
    const r = signed(c);
    const date = r.headers['x-sdk-date']!;
    const seen = new Set<string>();
    for (let i = 0; i < date.length; i++) {
      for (const ch of '0123456789TZX') {
        if (ch === date[i]) continue;
        const altered = date.slice(0, i) + ch + date.slice(i + 1);
        const at = parseSdkDate(altered);
        const expected = !at ? 'malformed' : Math.abs(at.getTime() - NOW.getTime()) > 15 * MIN ? 'expired' : 'mismatch';
        seen.add(expected);
        expect(verify({ ...r, headers: { ...r.headers, 'x-sdk-date': altered } }, lookup, { now: NOW }), altered).toEqual(FAIL(expected));
      }
    }
    expect([...seen].sort()).toEqual(['expired', 'malformed', 'mismatch']);
  });

  it.each(CASES)('body, every byte (sampled for long bodies): $title', (c) => {
    const r = signed(c);
    const body = r.body as Uint8Array;
    const rng = new Rng(body.length);
    const positions = body.length <= 512 ? body.keys() : [0, body.length - 1, ...Array.from({ length: 400 }, () => rng.int(0, body.length - 1))];
    for (const i of positions) {
      for (const mask of [0x01, 0x80]) {
        const altered = body.slice();
        altered[i] = altered[i]! ^ mask;
        expect(verify({ ...r, body: altered }, lookup, { now: NOW }), `byte ${i}`).toEqual(FAIL('mismatch'));
      }
    }
    expect(verify({ ...r, body: new Uint8Array([...body, 0x20]) }, lookup, { now: NOW })).toEqual(FAIL('mismatch'));
    if (body.length > 0) expect(verify({ ...r, body: body.subarray(1) }, lookup, { now: NOW })).toEqual(FAIL('mismatch'));
  });

  it('the signature itself', () => {
    const r = signed(CASES[0]!);
    const auth = r.headers.authorization!;
    const start = auth.indexOf('Signature=') + 'Signature='.length;
    for (let i = start; i < auth.length; i++) {
      const hex = auth[i] === 'a' ? 'b' : 'a';
      const headers = { ...r.headers, authorization: auth.slice(0, i) + hex + auth.slice(i + 1) };
      expect(verify({ ...r, headers }, lookup, { now: NOW })).toEqual(FAIL('mismatch'));
    }
  });
});

describe('verify: clock skew', () => {
  const r = signed(CASES[0]!);
  const at = (offset: number) => verify(r, lookup, { now: new Date(NOW.getTime() + offset) });

  it('accepts 14 and exactly 15 minutes either way', () => {
    for (const offset of [14 * MIN, -14 * MIN, 15 * MIN, -15 * MIN]) expect(at(offset)).toEqual(OK(PERMANENT.ak));
  });

  it('rejects more than 15 minutes either way as expired', () => {
    for (const offset of [15 * MIN + 1000, -(15 * MIN + 1000), 24 * 60 * MIN, -365 * 24 * 60 * MIN]) expect(at(offset)).toEqual(FAIL('expired'));
  });

  it('honours maxSkewMs', () => {
    expect(verify(r, lookup, { now: new Date(NOW.getTime() + 2 * MIN), maxSkewMs: MIN })).toEqual(FAIL('expired'));
    expect(verify(r, lookup, { now: new Date(NOW.getTime() + 20 * MIN), maxSkewMs: 30 * MIN })).toEqual(OK(PERMANENT.ak));
  });
});

describe('verify: missing, malformed, unknown AK', () => {
  const r = signed(CASES[0]!);
  const withHeaders = (change: Record<string, string | undefined>) => {
    const headers: Record<string, string> = { ...r.headers };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete headers[k];
      else headers[k] = v;
    }
    return verify({ ...r, headers }, lookup, { now: NOW });
  };
  const auth = r.headers.authorization!;

  it('reports missing Authorization or X-Sdk-Date', () => {
    expect(withHeaders({ authorization: undefined })).toEqual(FAIL('missing'));
    expect(withHeaders({ 'x-sdk-date': undefined })).toEqual(FAIL('missing'));
  });

  it.each([
    ['garbage', 'Bearer abc'],
    ['another algorithm', auth.replace('SDK-HMAC-SHA256', 'SDK-HMAC-SHA1')],
    ['upper-case signature hex', auth.replace(/Signature=(\w+)/, (_m, s: string) => `Signature=${s.toUpperCase()}`)],
    ['short signature', auth.slice(0, -1)],
    ['no Access', auth.replace(/Access=[^,]+, /, '')],
    ['unsorted SignedHeaders', auth.replace('content-type;host', 'host;content-type')],
    ['upper-case SignedHeaders', auth.replace('content-type', 'Content-Type')],
    ['SignedHeaders without host', auth.replace('host;', '')],
    ['SignedHeaders without x-sdk-date', auth.replace(';x-sdk-date', '')],
    ['a signed header that is not there', auth.replace('x-project-id', 'x-project-ie')],
    ['authorization among SignedHeaders', auth.replace('content-type;', 'authorization;content-type;')],
  ])('reports a malformed Authorization: %s', (_title, value) => {
    expect(withHeaders({ authorization: value })).toEqual(FAIL('malformed'));
  });

  it.each(['2024-06-01T12:00:00Z', '20240601T120000', '20240631T120000Z', 'now'])('reports a malformed X-Sdk-Date: %s', (value) => {
    expect(withHeaders({ 'x-sdk-date': value })).toEqual(FAIL('malformed'));
  });

  it('reports duplicate header names as malformed', () => {
    expect(withHeaders({ 'X-Sdk-Date': r.headers['x-sdk-date'] })).toEqual(FAIL('malformed'));
  });

  it('reports an unknown AK', () => {
    expect(withHeaders({ authorization: auth.replace(PERMANENT.ak, 'AKUNKNOWN00000000000') })).toEqual(FAIL('unknown-ak'));
    expect(verify(r, () => undefined, { now: NOW })).toEqual(FAIL('unknown-ak'));
  });

  it('reports a different known AK as a mismatch (or a missing token, when that AK needs one)', () => {
    expect(withHeaders({ authorization: auth.replace(PERMANENT.ak, TEMPORARY.ak) })).toEqual(FAIL('missing'));
    const other = (ak: string) => (ak === 'AKOTHER' ? { sk: PERMANENT.sk + 'x' } : undefined);
    expect(verify({ ...r, headers: { ...r.headers, authorization: auth.replace(PERMANENT.ak, 'AKOTHER') } }, other, { now: NOW })).toEqual(FAIL('mismatch'));
  });
});

describe('verify: security token', () => {
  const c = CASES[3]!;
  const r = signed(c);
  const token = TEMPORARY.securityToken!;

  it('rejects a changed token', () => {
    for (let i = 0; i < token.length; i++) {
      const headers = { ...r.headers, 'x-security-token': replaceAt(token, i, false) };
      expect(verify({ ...r, headers }, lookup, { now: NOW })).toEqual(FAIL('mismatch'));
    }
  });

  it('rejects a request correctly signed with another token for this AK', () => {
    const forged = asReceived(c.req, sign(c.req, { ...TEMPORARY, securityToken: 'tok-other' }, { now: NOW }));
    expect(verify(forged, lookup, { now: NOW })).toEqual(FAIL('mismatch'));
  });

  it('reports a missing token when the AK needs one', () => {
    const unsignedToken = asReceived(c.req, sign(c.req, { ak: TEMPORARY.ak, sk: TEMPORARY.sk }, { now: NOW }));
    expect(verify(unsignedToken, lookup, { now: NOW })).toEqual(FAIL('missing'));
  });

  it('reports a signed token header that was dropped as malformed (a signed header is absent)', () => {
    const { 'x-security-token': _dropped, ...headers } = r.headers;
    expect(verify({ ...r, headers }, lookup, { now: NOW })).toEqual(FAIL('malformed'));
  });

  it('reports a token that was sent but not signed as malformed', () => {
    const unsignedToken = asReceived(c.req, sign(c.req, { ak: TEMPORARY.ak, sk: TEMPORARY.sk }, { now: NOW }));
    const headers = { ...unsignedToken.headers, 'x-security-token': token };
    expect(verify({ ...unsignedToken, headers }, lookup, { now: NOW })).toEqual(FAIL('malformed'));
  });

  it('rejects a token beside a permanent AK', () => {
    const p = asReceived(c.req, sign(c.req, { ...PERMANENT, securityToken: token }, { now: NOW }));
    expect(verify(p, lookup, { now: NOW })).toEqual(FAIL('mismatch'));
  });
});
