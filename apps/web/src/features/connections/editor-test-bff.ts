// Test helpers for the connection editor screens: a routed fetch mock and sample upstream bodies.
import { vi } from 'vitest';
import { consoleError, jsonResponse, mockFetch, type RecordedRequest } from '../../test/fetch-mock.ts';

export type Route = (req: RecordedRequest) => Response | Promise<Response>;

/** fetch answering by "METHOD /path"; anything else is a 404 in the console error shape. */
export function mockBff(table: Record<string, Route>) {
  return mockFetch((req) => {
    const route = table[`${req.method} ${req.url.pathname}`];
    if (route) return route(req);
    return consoleError(404, { code: 'NOT_FOUND', message: `no route for ${req.method} ${req.url.pathname}` });
  });
}

export const QUEUES = [
  { queue_name: 'default', queue_type: 'sql', cu_count: 16, resource_mode: 0, charging_mode: 1 },
  { queue_name: 'sql_shared_adhoc', queue_type: 'sql', cu_count: 16, resource_mode: 0, charging_mode: 1 },
  { queue_name: 'sql_prod_yearly', queue_type: 'sql', cu_count: 64, resource_mode: 1, charging_mode: 2 },
  { queue_name: 'sql_finance_monthly', queue_type: 'sql', cu_count: 32, resource_mode: 0, charging_mode: 2 },
  { queue_name: 'spark_etl_prod', queue_type: 'general', cu_count: 128, resource_mode: 1, charging_mode: 2 },
];

export const queuesResponse = () => jsonResponse({ is_success: true, message: '', queues: QUEUES });

export function sampleConnection(overrides: Record<string, unknown> = {}) {
  return {
    is_success: true,
    message: '',
    id: 'conn-1',
    name: 'orders_mysql',
    status: 'ACTIVE',
    available_queue_info: [
      { peer_id: 'peer-1', status: 'ACTIVE', name: 'sql_prod_yearly', err_msg: '', update_time: Date.UTC(2024, 4, 2) },
      { peer_id: 'peer-2', status: 'FAILED', name: 'spark_etl_prod', err_msg: 'The subnet has no free IP', update_time: Date.UTC(2024, 4, 3) },
    ],
    elastic_resource_pools: [],
    dest_vpc_id: 'vpc-orders',
    dest_network_id: 'subnet-orders',
    create_time: Date.UTC(2024, 4, 1, 8),
    hosts: [
      { name: 'db01', ip: '10.0.0.1' },
      { name: 'db02', ip: '10.0.0.2' },
    ],
    ipv6_enable: false,
    routetable_id: 'rtb-1',
    tags: [{ key: 'env', value: 'prod' }],
    ...overrides,
  };
}

/**
 * jsdom has no layout, so a virtualised list would see a 0 px window and draw no rows. Give every
 * element a 400 px box and every row 40 px (restored after each test by restoreMocks).
 */
export function fakeLayout() {
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(400);
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(800);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(40);
}
