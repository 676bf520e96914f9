import * as z from 'zod';
import { IPV4, PATH_ID, PATH_ID_MAX } from './values.ts';

/** Upstream docs type limit/offset as strings but SDKs send numbers: accept both, emit a number. */
export const intLike = (min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(/^\d+$/, 'must be a whole number')])
    .transform((v) => Number(v))
    .pipe(z.number().int().min(min).max(max));

/** Query-string value: URLs only carry strings, so the schema is the string form. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .refine((v) => Number(v) >= min && Number(v) <= max, `must be between ${min} and ${max}`);

/** Path segment id: no separators, no dot-segments, no control characters. */
export const pathId = z
  .string()
  .min(1, 'is required')
  .max(PATH_ID_MAX, `must be at most ${PATH_ID_MAX} characters`)
  .regex(PATH_ID, 'may hold only letters, digits, _ . - and must start with a letter or digit');

export const ipv4 = z.string().regex(IPV4, 'must be an IPv4 address (a.b.c.d, each 0–255)');
