import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256, canonicalRequest } from './index.ts';

const URL_ = 'http://127.0.0.1:4010/v2.0/p/datasource/x?limit=2';
const DATE = '20240101T000000Z';

describe('canonicalRequest', () => {
  it('lays out METHOD, URI, query, headers, signed names and the body hash', () => {
    const text = canonicalRequest('GET', URL_, { 'X-Sdk-Date': DATE }, ['x-sdk-date', 'host'], '');
    expect(text).toBe(
      ['GET', '/v2.0/p/datasource/x/', 'limit=2', `host:127.0.0.1:4010\nx-sdk-date:${DATE}\n`, 'host;x-sdk-date', EMPTY_BODY_SHA256].join('\n'),
    );
    expect(EMPTY_BODY_SHA256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('lower-cases, sorts and de-duplicates header names', () => {
    const text = canonicalRequest('GET', URL_, { 'X-SDK-DATE': DATE, 'Content-TYPE': 'application/json', HOST: 'h' }, ['X-Sdk-Date', 'host', 'Content-Type', 'HOST'], '');
    expect(text.split('\n').slice(3, 7)).toEqual(['content-type:application/json', 'host:h', `x-sdk-date:${DATE}`, '']);
    expect(text.split('\n')[7]).toBe('content-type;host;x-sdk-date');
  });

  it('trims spaces and tabs around a value but keeps inner runs as they are', () => {
    const text = canonicalRequest('GET', URL_, { host: ' \th\t ', 'x-a': '  a  \t b  ' }, ['host', 'x-a'], '');
    expect(text.split('\n').slice(3, 5)).toEqual(['host:h', 'x-a:a  \t b']);
  });

  it('derives host from the URL (lower case, no default port) only when the header is absent', () => {
    const hostOf = (url: string, headers: Record<string, string> = {}) => canonicalRequest('GET', url, headers, ['host'], '').split('\n')[3];
    expect(hostOf('HTTPS://API.Example.COM:443/x')).toBe('host:api.example.com');
    expect(hostOf('http://[::1]:8080/x')).toBe('host:[::1]:8080');
    expect(hostOf('http://a/x', { Host: 'b:81' })).toBe('host:b:81');
    expect(() => hostOf('/x')).toThrow(/host/);
  });

  it('uses the method exactly as given and hashes the exact body bytes', () => {
    const a = canonicalRequest('patch', URL_, {}, ['host'], '{"a":"中"}');
    const b = canonicalRequest('PATCH', URL_, {}, ['host'], new TextEncoder().encode('{"a":"中"}'));
    expect(a.split('\n')[0]).toBe('patch');
    expect(a.split('\n').slice(1)).toEqual(b.split('\n').slice(1));
    expect(a.split('\n').at(-1)).toBe(createHash('sha256').update(Buffer.from('{"a":"中"}', 'utf8')).digest('hex'));
  });

  it('refuses a signed header that the request does not carry, or an unsignable name', () => {
    expect(() => canonicalRequest('GET', URL_, {}, ['host', 'x-project-id'], '')).toThrow('signed header "x-project-id" is not in the request');
    expect(() => canonicalRequest('GET', URL_, { Authorization: 'x' }, ['authorization'], '')).toThrow(/cannot be signed/);
    expect(() => canonicalRequest('GET', URL_, {}, ['bad name'], '')).toThrow(/not a valid header name/);
    expect(() => canonicalRequest('GET', URL_, { 'x-a': '1', 'X-A': '2' }, ['host'], '')).toThrow(/more than once/);
  });
});
