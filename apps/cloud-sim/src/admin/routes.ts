import express, { Router } from 'express';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { SimControl } from '../control.ts';
import { FaultRulesSchema } from '../faults.ts';

export const TimingSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('immediate') }),
  z.strictObject({ mode: z.literal('seconds'), seconds: z.number().min(0).max(86_400) }),
  z.strictObject({ mode: z.literal('reads'), reads: z.number().int().min(0).max(1000) }),
]);

const ResetBody = z
  .strictObject({
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    enhancedConnections: z.number().int().min(0).max(100_000).optional(),
    timing: TimingSchema.optional(),
  })
  .default({});
const ClockBody = z.strictObject({ offsetMs: z.number().int().min(-10 * 365 * 86_400_000).max(10 * 365 * 86_400_000) });
const Limit = z.coerce.number().int().min(0).max(10_000).optional();

class AdminInputError extends Error {}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new AdminInputError(r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '));
  return r.data;
}

/**
 * The simulator's own admin API (no signature, JSON). Not part of any cloud: tests and the
 * launcher use it to reset state, inject faults and see what reached "upstream".
 */
export function buildAdminRouter(control: SimControl): Router {
  const r = Router();
  r.use(express.json({ limit: '1mb' }));
  const rules = (req: Request) => parse(FaultRulesSchema, req.body ?? []);

  r.post('/reset', (req, res) => {
    control.reset(parse(ResetBody, req.body));
    const { projectId, seed, enhancedConnections, timing } = control.inventory();
    res.json({ ok: true, projectId, seed, enhancedConnections, timing });
  });
  r.get('/faults', (_req, res) => {
    res.json(control.faults.list());
  });
  r.post('/faults', (req, res) => {
    control.faults.replace(rules(req));
    res.json(control.faults.list());
  });
  r.patch('/faults', (req, res) => {
    control.faults.add(rules(req));
    res.json(control.faults.list());
  });
  r.delete('/faults', (req, res) => {
    control.faults.remove(rules(req));
    res.json(control.faults.list());
  });
  r.get('/requests', (req, res) => {
    res.json(control.requests(parse(Limit, req.query.limit)));
  });
  r.delete('/requests', (_req, res) => {
    control.clearRequests();
    res.status(204).end();
  });
  r.get('/stats', (_req, res) => {
    res.json(control.stats());
  });
  r.get('/clock', (_req, res) => {
    res.json({ offsetMs: control.clockOffset(), now: new Date(Date.now() + control.clockOffset()).toISOString() });
  });
  r.post('/clock', (req, res) => {
    control.setClockOffset(parse(ClockBody, req.body).offsetMs);
    res.json({ offsetMs: control.clockOffset(), now: new Date(Date.now() + control.clockOffset()).toISOString() });
  });
  r.post('/timing', (req, res) => {
    control.setTiming(parse(TimingSchema, req.body));
    res.json(control.inventory().timing);
  });
  r.get('/inventory', (_req, res) => {
    res.json(control.inventory());
  });
  r.use((_req, res) => {
    res.status(404).json({ error: 'no such admin route' });
  });
  r.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (err instanceof AdminInputError) res.status(400).json({ error: err.message });
    else if (err instanceof SyntaxError) res.status(400).json({ error: 'body must be JSON' });
    else next(err);
  });
  return r;
}
