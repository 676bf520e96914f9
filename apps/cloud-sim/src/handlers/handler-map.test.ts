import { describe, expect, it } from 'vitest';
import { catalogue, operationIds } from '@dsc/api-types';
import { createState } from '../state/seed.ts';
import type { SimEnv } from '../state/env.ts';
import { idsFromState } from '../testing/sample-ids.ts';
import { sampleRequests } from '../testing/sample-requests.ts';
import { handlers } from './handler-map.ts';
import type { HandlerContext } from './types.ts';

const env: SimEnv = { now: () => Date.now(), timing: { mode: 'immediate' } };

describe('handler map', () => {
  it('has a handler for every catalogue operation and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...operationIds].sort());
  });

  it('routes by id prefix consistently with each entry’s service', () => {
    for (const id of operationIds) expect(id.split('.')[0]).toBe(catalogue[id].service);
  });

  it.each(operationIds)('%s: the success body parses with the response schema', (id) => {
    const state = createState(7, 60, env);
    const sample = sampleRequests(idsFromState(state))[id];
    const op = catalogue[id];
    const input = {
      params: op.params.parse(sample.params),
      query: op.query ? op.query.parse(sample.query ?? {}) : undefined,
      body: op.body ? op.body.parse(sample.body) : undefined,
    };
    const ctx: HandlerContext = { state, projectId: 'p' };
    const body = (handlers[id] as (i: unknown, c: HandlerContext) => unknown)(input, ctx);
    const parsed = op.response.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
    if (op.method === 'GET') expect(body).toBeDefined();
  });
});
