import { describe, expect, it } from 'vitest';
import { knownRegions, regionEndpoint, resolveEndpoints } from './endpoints.ts';

describe('regionEndpoint', () => {
  it('builds https://{service}.{region}.myhuaweicloud.com', () => {
    expect(regionEndpoint('dli', 'cn-north-4')).toBe('https://dli.cn-north-4.myhuaweicloud.com');
    expect(regionEndpoint('dws', 'ap-southeast-3')).toBe('https://dws.ap-southeast-3.myhuaweicloud.com');
  });

  it('uses .myhuaweicloud.eu for eu-west-101', () => {
    expect(regionEndpoint('dli', 'eu-west-101')).toBe('https://dli.eu-west-101.myhuaweicloud.eu');
    expect(regionEndpoint('mrs', 'eu-west-101')).toBe('https://mrs.eu-west-101.myhuaweicloud.eu');
    expect(regionEndpoint('dws', 'eu-west-101')).toBe('https://dws.eu-west-101.myhuaweicloud.eu');
  });

  it('uses .myhuaweicloud.cn where the service lives there', () => {
    expect(regionEndpoint('mrs', 'ap-southeast-1')).toBe('https://mrs.ap-southeast-1.myhuaweicloud.cn');
    expect(regionEndpoint('dli', 'ap-southeast-1')).toBe('https://dli.ap-southeast-1.myhuaweicloud.com');
    expect(regionEndpoint('dws', 'tr-west-1')).toBe('https://dws.tr-west-1.myhuaweicloud.cn');
    expect(regionEndpoint('mrs', 'tr-west-1')).toBe('https://mrs.tr-west-1.myhuaweicloud.com');
  });

  it('knows no endpoint for a service a region lacks', () => {
    expect(regionEndpoint('dli', 'ru-moscow-1')).toBeUndefined();
    expect(regionEndpoint('dli', 'nowhere-1')).toBeUndefined();
  });

  it('covers every region id upstream-api.md lists', () => {
    const listed = ['cn-north-4', 'cn-north-1', 'cn-east-2', 'cn-east-3', 'cn-south-1', 'ap-southeast-1', 'ap-southeast-2',
      'ap-southeast-3', 'af-south-1', 'la-south-2', 'sa-brazil-1', 'tr-west-1', 'me-east-1', 'eu-west-0', 'eu-west-101',
      'ru-moscow-1', 'my-kualalumpur-1'];
    expect(listed.filter((r) => !knownRegions().includes(r))).toEqual([]);
  });
});

describe('resolveEndpoints', () => {
  it('prefers overrides and reports services left without an endpoint', () => {
    expect(resolveEndpoints('ru-moscow-1', {})).toEqual({ endpoints: undefined, missing: ['dli'] });
    const r = resolveEndpoints('ru-moscow-1', { dli: 'https://dli.example.com' });
    expect(r.endpoints?.dli).toBe('https://dli.example.com');
    expect(r.endpoints?.mrs).toBe('https://mrs.ru-moscow-1.myhuaweicloud.com');
    expect(resolveEndpoints(undefined, {}).missing).toEqual(['dli', 'mrs', 'dws']);
  });
});
