import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { runSteps, sequence, type Step } from './run-steps.ts';

const req = {} as Request;
const res = {} as Response;

function run(steps: Step[]): Promise<{ err: unknown; ran: string[] }> {
  const ran: string[] = [];
  const named = steps.map((s, i) => ((q, r, n) => (ran.push(String(i)), s(q, r, n))) as Step);
  return new Promise((resolve) =>
    runSteps(named, req, res, ((err?: unknown) => resolve({ err, ran })) as NextFunction),
  );
}

describe('runSteps', () => {
  it('runs every step in order, sync and async, then goes on', async () => {
    const r = await run([
      (_q, _r, n) => n(),
      async (_q, _r, n) => {
        await Promise.resolve();
        n();
      },
      (_q, _r, n) => n(),
    ]);
    expect(r).toEqual({ err: undefined, ran: ['0', '1', '2'] });
  });

  it('stops at next(err), a throw, or a rejected promise, and passes the error on', async () => {
    const boom = new Error('boom');
    for (const failing of [
      ((_q, _r, n) => n(boom)) as Step,
      (() => {
        throw boom;
      }) as Step,
      (async () => {
        throw boom;
      }) as Step,
    ]) {
      const r = await run([(_q, _r, n) => n(), failing, (_q, _r, n) => n()]);
      expect(r).toEqual({ err: boom, ran: ['0', '1'] });
    }
  });

  it("leaves the remaining steps on next('route'), without an error", async () => {
    const r = await run([(_q, _r, n) => n('route'), (_q, _r, n) => n()]);
    expect(r).toEqual({ err: undefined, ran: ['0'] });
  });

  it('sequence() is the same as one middleware', async () => {
    const order: number[] = [];
    const mw = sequence(
      (_q, _r, n) => (order.push(1), n()),
      (_q, _r, n) => (order.push(2), n()),
    );
    await new Promise<void>((resolve) => mw(req, res, () => resolve()));
    expect(order).toEqual([1, 2]);
  });
});
