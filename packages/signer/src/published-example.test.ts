import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest, parseSdkDate, sign, verify } from './index.ts';

// The provider's signing guide example, quoted in upstream-api.md ("Request signing").
const URL_ = 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0';
const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const DATE = '20191115T033655Z';
const CANONICAL_HASH = 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a';
const SIGNATURE = '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe';

const headers = { 'Content-Type': 'application/json', Host: 'service.region.example.com' };

describe('published example', () => {
  it('reproduces the canonical request hash', () => {
    const text = canonicalRequest('GET', URL_, { ...headers, 'X-Sdk-Date': DATE }, ['content-type', 'host', 'x-sdk-date'], '');
    expect(createHash('sha256').update(text).digest('hex')).toBe(CANONICAL_HASH);
    expect(text.split('\n').slice(0, 3)).toEqual([
      'GET',
      '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/',
      'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    ]);
  });

  it('reproduces the signature and the Authorization header', () => {
    const now = parseSdkDate(DATE);
    expect(now).toBeDefined();
    const added = sign({ method: 'GET', url: URL_, headers, body: '' }, { ak: AK, sk: SK }, { now });
    expect(added).toEqual({
      'X-Sdk-Date': DATE,
      Authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIGNATURE}`,
    });
  });

  it('verifies the published request as a server receives it', () => {
    const received = {
      method: 'GET',
      url: URL_.slice('https://service.region.example.com'.length),
      headers: {
        'content-type': 'application/json',
        host: 'service.region.example.com',
        'x-sdk-date': DATE,
        authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIGNATURE}`,
      },
      body: new Uint8Array(0),
    };
    const lookup = (ak: string) => (ak === AK ? { sk: SK } : undefined);
    expect(verify(received, lookup, { now: new Date(Date.UTC(2019, 10, 15, 3, 40, 0)) })).toEqual({ ok: true, ak: AK });
  });
});
