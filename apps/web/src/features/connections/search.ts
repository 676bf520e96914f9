import { z } from 'zod';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const CONNECTION_STATUSES = ['ACTIVE', 'DELETED'] as const;
export type ConnectionStatusFilter = (typeof CONNECTION_STATUSES)[number];

export const connectionsSearchDefaults = { page: 1, pageSize: 20 } as const;

// A pasted or hand-edited URL must never break the page: each bad value falls back on its own.
// The router JSON-parses search values, so "?name=123" arrives as a number: coerce it back.
export const connectionsSearchSchema = z.object({
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(connectionsSearchDefaults.page)
    .catch(connectionsSearchDefaults.page),
  pageSize: z.coerce
    .number()
    .pipe(z.literal(PAGE_SIZES))
    .default(connectionsSearchDefaults.pageSize)
    .catch(connectionsSearchDefaults.pageSize),
  name: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .pipe(z.string().max(64))
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined),
  status: z
    .string()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(CONNECTION_STATUSES))
    .optional()
    .catch(undefined),
});

export type ConnectionsSearch = z.output<typeof connectionsSearchSchema>;
