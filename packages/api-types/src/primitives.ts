import { z } from 'zod';

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
  .max(128, 'must be at most 128 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'may hold only letters, digits, _ . - and must start with a letter or digit');

export const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export const ipv4 = z.string().regex(IPV4, 'must be an IPv4 address (a.b.c.d, each 0–255)');
