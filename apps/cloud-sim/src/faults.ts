import { z } from 'zod';
import { operationIds } from '@dsc/api-types';
import type { OperationId, Service } from '@dsc/api-types';
import { createPrng } from './prng.ts';
import type { Prng } from './prng.ts';

/** Shaped like LocalStack's chaos API rules, plus the failure kinds an HTTP client must survive. */
export const FaultRuleSchema = z.strictObject({
  operation: z.enum(operationIds as [OperationId, ...OperationId[]]).optional(),
  service: z.enum(['dli', 'mrs', 'dws']).optional(),
  probability: z.number().min(0).max(1).optional(),
  times: z.number().int().min(1).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  status: z.number().int().min(200).max(599).optional(),
  errorCode: z.string().min(1).max(64).optional(),
  errorMessage: z.string().max(1000).optional(),
  retryAfter: z.number().int().min(0).max(86_400).optional(),
  kind: z.enum(['error', 'reset', 'truncate', 'non-json', 'result-failed']).optional(),
});
export type FaultRule = z.infer<typeof FaultRuleSchema>;
export const FaultRulesSchema = z.array(FaultRuleSchema).max(100);

/** What a fired rule does; `delay` alone means "answer normally, but late". */
export type FaultAction = 'error' | 'reset' | 'truncate' | 'non-json' | 'result-failed' | 'delay';

export function actionOf(rule: FaultRule): FaultAction {
  if (rule.kind) return rule.kind;
  return rule.status !== undefined || rule.errorCode !== undefined ? 'error' : 'delay';
}

function canonical(rule: FaultRule): string {
  return JSON.stringify(Object.fromEntries(Object.entries(rule).sort(([a], [b]) => a.localeCompare(b))));
}

interface Slot {
  rule: FaultRule;
  applied: number;
}

/**
 * The active rules. Rules are tried in order; the first matching rule whose probability roll
 * succeeds fires. Rolls come from a seeded PRNG so a seed replays the same faults. A rule with
 * `times` stops firing after that many applications (it stays listed until removed).
 */
export class FaultStore {
  private slots: Slot[] = [];
  private prng: Prng;

  constructor(seed: number) {
    this.prng = createPrng(seed).fork('faults');
  }

  reset(seed: number): void {
    this.slots = [];
    this.prng = createPrng(seed).fork('faults');
  }

  list(): FaultRule[] {
    return this.slots.map((s) => ({ ...s.rule }));
  }

  replace(rules: readonly FaultRule[]): void {
    this.slots = FaultRulesSchema.parse(rules).map((rule) => ({ rule, applied: 0 }));
  }

  add(rules: readonly FaultRule[]): void {
    this.slots.push(...FaultRulesSchema.parse(rules).map((rule) => ({ rule, applied: 0 })));
  }

  /** Removes the rules equal to the given ones; an empty list removes every rule. */
  remove(rules: readonly FaultRule[]): void {
    const parsed = FaultRulesSchema.parse(rules);
    if (parsed.length === 0) {
      this.slots = [];
      return;
    }
    const drop = new Set(parsed.map(canonical));
    this.slots = this.slots.filter((s) => !drop.has(canonical(s.rule)));
  }

  pick(op: OperationId, service: Service): FaultRule | undefined {
    for (const slot of this.slots) {
      const r = slot.rule;
      if (r.operation !== undefined && r.operation !== op) continue;
      if (r.service !== undefined && r.service !== service) continue;
      if (r.kind === 'result-failed' && op !== 'mrs.updateDataConnector') continue;
      if (r.times !== undefined && slot.applied >= r.times) continue;
      if (this.prng.next() >= (r.probability ?? 1)) continue;
      slot.applied += 1;
      return r;
    }
    return undefined;
  }
}
