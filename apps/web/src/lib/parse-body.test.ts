import { ListEnhancedConnectionsResponse, catalogue } from '@dsc/api-types';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { LARGE_LIST, parseBody, type BodySchema } from './parse-body.ts';

const connection = (i: number, extra: Record<string, unknown> = {}) => ({
  id: `c-${i}`,
  name: `conn_${i}`,
  status: 'ACTIVE',
  dest_vpc_id: 'vpc-1',
  dest_network_id: 'net-1',
  create_time: 1_700_000_000_000 + i,
  ...(i % 3 === 0 ? { hosts: [{ name: 'h', ip: '10.0.0.1' }] } : {}),
  ...extra,
});
const list = (n: number, at?: (i: number) => Record<string, unknown>) => ({
  is_success: true,
  count: String(n),
  unknown_member: 'kept',
  connections: Array.from({ length: n }, (_, i) => connection(i, at?.(i))),
});

/** Counts safeParse calls, to tell the sliced path (one per item) from the one-shot path. */
function counting<T>(schema: BodySchema<T>) {
  const spy = vi.spyOn(schema, 'safeParse');
  return () => spy.mock.calls.length;
}

describe('parseBody', () => {
  const schema = catalogue['dli.listEnhancedConnections'].response;

  it('gives a large list the same result as one safeParse, defaults and transforms included', async () => {
    const body = list(LARGE_LIST * 3);
    const items = counting(ListEnhancedConnectionsResponse.shape.connections.element);
    const r = await parseBody(schema, body, { sliceMs: 1 });
    expect(items()).toBe(LARGE_LIST * 3); // checked item by item
    expect(r).toEqual(schema.safeParse(body));
    expect(r.success && r.data.count).toBe(LARGE_LIST * 3);
    expect(r.success && r.data.connections[1]?.hosts).toEqual([]);
    expect(r.success && (r.data as Record<string, unknown>).unknown_member).toBe('kept');
  });

  it('refuses a large list whose last item, or whose envelope, is wrong', async () => {
    const n = LARGE_LIST + 5;
    const badItem = list(n, (i) => (i === n - 1 ? { create_time: 'yesterday' } : {}));
    expect((await parseBody(schema, badItem)).success).toBe(false);
    expect((await parseBody(schema, { ...list(n), count: 'many' })).success).toBe(false);
  });

  it('gives the event loop a turn between slices, so the work can be interrupted', async () => {
    const controller = new AbortController();
    const parsing = parseBody(schema, list(LARGE_LIST * 4), { signal: controller.signal, sliceMs: 0 });
    setTimeout(() => controller.abort(), 0);
    await expect(parsing).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('parses small lists, and schemas it cannot slice exactly, in one go', async () => {
    const small = list(LARGE_LIST - 1);
    const items = counting(ListEnhancedConnectionsResponse.shape.connections.element);
    expect(await parseBody(schema, small)).toEqual(schema.safeParse(small));
    expect(items()).toBe(0);

    // A refinement on the object, or a length check on the array, needs the whole list at once.
    const refined = z.object({ xs: z.array(z.number()) }).refine((o) => o.xs.length % 2 === 0);
    const checked = z.object({ xs: z.array(z.number()).max(LARGE_LIST) });
    const xs = Array.from({ length: LARGE_LIST + 1 }, (_, i) => i);
    expect((await parseBody(refined, { xs })).success).toBe(false);
    expect((await parseBody(checked, { xs })).success).toBe(false);
    expect((await parseBody(z.object({ xs: z.array(z.number()).default([]) }), { xs })).success).toBe(true);
    expect(await parseBody(z.unknown(), 'text')).toEqual({ success: true, data: 'text' });
  });
});
