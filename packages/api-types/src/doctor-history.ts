import * as z from 'zod';
import { ConnectionTestBody } from './dli-doctor.ts';
import { pathId } from './primitives.ts';
import { DOCTOR_DIAGNOSES, DOCTOR_OUTCOMES, DOCTOR_RESULTS_MAX } from './values.ts';

// The doctor's results history (decision 013): a BFF-side record per connection of who ran the
// doctor, when, and what each queue × address test showed. Not an upstream API.


export const DoctorResult = z.strictObject({
  queue: pathId,
  address: ConnectionTestBody.shape.address,
  outcome: z.enum(DOCTOR_OUTCOMES, { error: `must be one of ${DOCTOR_OUTCOMES.join(', ')}` }),
  diagnosis: z.enum(DOCTOR_DIAGNOSES, { error: `must be one of ${DOCTOR_DIAGNOSES.join(', ')}` }).optional(),
  /** The error's console code or message, when outcome is error. */
  detail: z.string().max(300, 'must be at most 300 characters').optional(),
});
export type DoctorResult = z.infer<typeof DoctorResult>;

export const DoctorRunInput = z.strictObject({
  results: z.array(DoctorResult).min(1, 'must hold at least one result').max(DOCTOR_RESULTS_MAX, `must hold at most ${DOCTOR_RESULTS_MAX} results`),
});
export type DoctorRunInput = z.infer<typeof DoctorRunInput>;

export const DoctorRun = z.object({
  id: z.string(),
  user: z.string(),
  time: z.string(),
  results: z.array(DoctorResult),
});
export type DoctorRun = z.infer<typeof DoctorRun>;

export const DoctorHistory = z.object({ runs: z.array(DoctorRun) });
export type DoctorHistory = z.infer<typeof DoctorHistory>;
