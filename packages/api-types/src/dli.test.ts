import { describe, expect, it } from 'vitest';
import {
  CreateEnhancedConnectionBody,
  ListEnhancedConnectionsQuery,
  ListEnhancedConnectionsResponse,
  QueueBindingBody,
  Tag,
} from './dli.ts';
import { EnhancedConnection } from './enhanced-connection.ts';
import { MAX_HOSTS, queueStatusOf, queueUsableForEnhanced } from './values.ts';

const base = { name: 'conn_1', dest_vpc_id: 'vpc-1', dest_network_id: 'subnet-1' };

describe('create enhanced connection body', () => {
  it('accepts the seed example', () => {
    const seed = {
      name: 'test',
      dest_vpc_id: '22094d8f-c310-4621-913d-4c4d655d8495',
      dest_network_id: '78f2562a-36e4-4b39-95b9-f5aab22e1281',
      queues: ['q1', 'q2'],
      hosts: [
        { ip: '192.168.0.1', name: 'ecs-97f8-0001' },
        { ip: '192.168.0.2', name: 'ecs-97f8-0002' },
      ],
    };
    expect(CreateEnhancedConnectionBody.parse(seed)).toEqual(seed);
  });

  it.each([
    ['name', { ...base, name: 'has-dash' }],
    ['name', { ...base, name: 'x'.repeat(65) }],
    ['name', { ...base, name: '' }],
    ['dest_vpc_id', { name: 'a', dest_network_id: 'n' }],
    ['hosts.0.ip', { ...base, hosts: [{ name: 'h1', ip: '256.1.1.1' }] }],
    ['hosts.0.name', { ...base, hosts: [{ name: '1host', ip: '10.0.0.1' }] }],
    ['extra', { ...base, extra: true }],
  ])('names the bad field %s', (field, body) => {
    const r = CreateEnhancedConnectionBody.safeParse(body);
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.') || String((i as { keys?: string[] }).keys?.[0]));
    expect(paths).toContain(field);
  });

  it('takes 20,000 hosts and refuses 20,001', () => {
    const hosts = Array.from({ length: MAX_HOSTS + 1 }, (_, i) => ({
      name: `h${i}`,
      ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    }));
    expect(CreateEnhancedConnectionBody.safeParse({ ...base, hosts: hosts.slice(0, MAX_HOSTS) }).success).toBe(true);
    expect(CreateEnhancedConnectionBody.safeParse({ ...base, hosts }).success).toBe(false);
  });
});

describe('tags', () => {
  it.each([
    [{ key: 'env', value: 'prod' }, true],
    [{ key: 'a b', value: 'x:y=z+1@2' }, true],
    [{ key: '_sys_x', value: 'v' }, false],
    [{ key: ' k', value: 'v' }, false],
    [{ key: 'k', value: 'v ' }, false],
    [{ key: 'k', value: '' }, false],
    [{ key: 'k#', value: 'v' }, false],
    [{ key: 'k'.repeat(129), value: 'v' }, false],
    [{ key: 'k', value: 'v'.repeat(256) }, false],
  ])('%j valid=%s', (tag, ok) => {
    expect(Tag.safeParse(tag).success).toBe(ok);
  });
});

describe('list quirks', () => {
  it('accepts count as string or number and defaults missing arrays', () => {
    const r = ListEnhancedConnectionsResponse.parse({
      is_success: true,
      count: '2',
      connections: [{ id: 'a', name: 'n', status: 'ACTIVE', dest_vpc_id: 'v', dest_network_id: 's', create_time: 1, isPrivis: false }],
    });
    expect(r.count).toBe(2);
    expect(r.connections[0]!.available_queue_info).toEqual([]);
    expect(r.connections[0]!.hosts).toEqual([]);
  });

  it('validates the query the BFF forwards', () => {
    expect(ListEnhancedConnectionsQuery.safeParse({ limit: '0', status: 'active', tags: 'a=b,c=d' }).success).toBe(true);
    expect(ListEnhancedConnectionsQuery.safeParse({ limit: '-1' }).success).toBe(false);
    expect(ListEnhancedConnectionsQuery.safeParse({ status: 'BROKEN' }).success).toBe(false);
    expect(ListEnhancedConnectionsQuery.safeParse({ tags: 'novalue' }).success).toBe(false);
    expect(ListEnhancedConnectionsQuery.safeParse({ other: '1' }).success).toBe(false);
  });

  it('keeps unknown upstream fields (tolerant reads)', () => {
    const c = EnhancedConnection.parse({ id: 'a', name: 'n', status: 'Active', dest_vpc_id: 'v', dest_network_id: 's', create_time: 1, future: 1 });
    expect((c as Record<string, unknown>).future).toBe(1);
  });
});

describe('queues', () => {
  it('offers only dedicated or yearly/monthly queues, never default', () => {
    expect(queueUsableForEnhanced({ queue_name: 'default', resource_mode: 1 })).toEqual({ usable: false, reason: 'default' });
    expect(queueUsableForEnhanced({ queue_name: 'q', resource_mode: 0, charging_mode: 1 })).toEqual({ usable: false, reason: 'shared-pay-per-use' });
    expect(queueUsableForEnhanced({ queue_name: 'q', resource_mode: 1, charging_mode: 1 }).usable).toBe(true);
    expect(queueUsableForEnhanced({ queue_name: 'q', resource_mode: 0, charging_mode: 2 }).usable).toBe(true);
  });

  it('normalises queue status case', () => {
    expect(queueStatusOf('active')).toBe('ACTIVE');
    expect(queueStatusOf('FAILED')).toBe('FAILED');
    expect(queueStatusOf('weird')).toBe('UNKNOWN');
  });

  it('bind needs at least one queue or pool', () => {
    expect(QueueBindingBody.safeParse({}).success).toBe(false);
    expect(QueueBindingBody.safeParse({ queues: [] }).success).toBe(false);
    expect(QueueBindingBody.safeParse({ queues: ['q1'] }).success).toBe(true);
  });
});
