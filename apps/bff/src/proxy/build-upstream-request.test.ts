import { describe, expect, it } from 'vitest';
import { catalogue, type OperationId } from '@dsc/api-types';
import { verify } from '@dsc/signer';
import type { UpstreamConfig } from '../config.ts';
import { buildUpstreamRequest, encodeQuery } from './build-upstream-request.ts';
import { signUpstreamRequest } from './sign-upstream-request.ts';

const upstream: UpstreamConfig = {
  credentials: { ak: 'AKTESTAKTESTAKTEST01', sk: 'sk-for-tests-only-0123456789', securityToken: 'token-for-tests' },
  projectId: '0123456789abcdef0123456789abcdef',
  region: 'cn-north-4',
  endpoints: {
    dli: 'https://dli.cn-north-4.myhuaweicloud.com',
    mrs: 'https://gw.example.com/mrs/',
    dws: 'http://127.0.0.1:4000',
  },
};
const op = (id: OperationId) => ({ id, def: catalogue[id] });

describe('buildUpstreamRequest', () => {
  it('builds the path from the catalogue template, project id and endpoint', () => {
    const u = buildUpstreamRequest(op('dli.getEnhancedConnection'), { params: { connection_id: 'c-1' }, query: {}, body: undefined }, upstream, {});
    expect(u.url.toString()).toBe('https://dli.cn-north-4.myhuaweicloud.com/v2.0/0123456789abcdef0123456789abcdef/datasource/enhanced-connections/c-1');
    expect(u.method).toBe('GET');
    expect(u.body.length).toBe(0);
    expect(u.headers).toEqual({ host: 'dli.cn-north-4.myhuaweicloud.com', accept: 'application/json', 'content-type': 'application/json' });
  });

  it('keeps an endpoint base path and port', () => {
    const mrs = buildUpstreamRequest(op('mrs.listDataConnectors'), { params: {}, query: { limit: '5' }, body: undefined }, upstream, {});
    expect(mrs.url.toString()).toBe('https://gw.example.com/mrs/v2/0123456789abcdef0123456789abcdef/data-connectors?limit=5');
    const dws = buildUpstreamRequest(op('dws.listClusters'), { params: {}, query: {}, body: undefined }, upstream, {});
    expect(dws.headers.host).toBe('127.0.0.1:4000');
  });

  it('serialises the validated body once, with its exact length', () => {
    const body = { hosts: [{ name: 'db', ip: '10.0.0.1' }] };
    const u = buildUpstreamRequest(op('dli.replaceHosts'), { params: { connection_id: 'c-1' }, query: {}, body }, upstream, {});
    expect(u.body.toString('utf8')).toBe(JSON.stringify(body));
    expect(u.headers['content-length']).toBe(String(u.body.length));
  });

  it('encodes query values without + for space', () => {
    expect(encodeQuery({ name: 'a b*c', tags: 'k=v,k2=v2' })).toBe('name=a%20b%2Ac&tags=k%3Dv%2Ck2%3Dv2');
  });
});

describe('signUpstreamRequest', () => {
  it('signs exactly what is sent, so the provider-side check passes', () => {
    const now = new Date('2025-01-02T03:04:05Z');
    const body = { hosts: [{ name: 'db', ip: '10.0.0.1' }] };
    const built = buildUpstreamRequest(op('dli.replaceHosts'), { params: { connection_id: 'c-1' }, query: {}, body }, upstream, {
      'accept-language': 'en',
    });
    const signed = signUpstreamRequest(built, upstream.credentials, now);
    expect(signed.headers['x-sdk-date']).toBe('20250102T030405Z');
    expect(signed.headers['x-security-token']).toBe('token-for-tests');
    expect(signed.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=AKTESTAKTESTAKTEST01, SignedHeaders=content-type;host;x-sdk-date;x-security-token, Signature=[0-9a-f]{64}$/);

    const lookup = () => ({ sk: upstream.credentials.sk, securityToken: upstream.credentials.securityToken! });
    const wire = { method: 'PUT', url: signed.url.toString(), headers: signed.headers, body: signed.body };
    expect(verify(wire, lookup, { now })).toEqual({ ok: true, ak: upstream.credentials.ak });
    expect(verify({ ...wire, body: Buffer.from(`${signed.body.toString()} `) }, lookup, { now })).toEqual({ ok: false, reason: 'mismatch' });
  });
});
