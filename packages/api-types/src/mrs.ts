import * as z from 'zod';
import { intLike, pathId, queryInt } from './primitives.ts';
import { MRS_SOURCE_TYPES } from './values.ts';

export const MrsSourceType = z.enum(MRS_SOURCE_TYPES, { error: 'must be RDS_POSTGRES, RDS_MYSQL or gaussdb-mysql' });
export type MrsSourceType = z.infer<typeof MrsSourceType>;

/** What the upstream returns in place of a stored password. */
export const MASKED_PASSWORD = '*****';

/**
 * The object inside `source_info` (a JSON string inside the JSON). The same documented keys are
 * assumed for all three source types. `password` is optional: leaving it out keeps the stored
 * one (docs/decisions/002-mrs-masked-password.md); sending the mask back is refused.
 */
export const SourceInfo = z.strictObject({
  db_name: z
    .string()
    .min(1, 'is required')
    .max(64, 'must be at most 64 characters')
    .regex(/^[A-Za-z0-9_$-]+$/, 'may hold only letters, digits and _ $ -'),
  user_name: z
    .string()
    .min(1, 'is required')
    .max(64, 'must be at most 64 characters')
    .regex(/^[A-Za-z0-9_.@-]+$/, 'may hold only letters, digits and _ . @ -'),
  password: z
    .string()
    .min(1, 'must not be empty (leave it out to keep the stored password)')
    .max(128, 'must be at most 128 characters')
    .refine((p) => !/^\*+$/.test(p), 'must not be the masked value; leave it out to keep the stored password')
    .optional(),
  rds_instance_id: z
    .string()
    .min(1, 'is required')
    .max(64, 'must be at most 64 characters')
    .regex(/^[A-Za-z0-9-]+$/, 'may hold only letters, digits and -'),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

/** The one place a `source_info` string is built: stable key order, no password key when empty. */
export function buildSourceInfo(fields: {
  db_name: string;
  user_name: string;
  password?: string | undefined;
  rds_instance_id: string;
}): string {
  const info: SourceInfo = {
    db_name: fields.db_name,
    user_name: fields.user_name,
    ...(fields.password ? { password: fields.password } : {}),
    rds_instance_id: fields.rds_instance_id,
  };
  return JSON.stringify(SourceInfo.parse(info));
}

/** Reads a stored `source_info`, tolerating unknown keys; the masked password is dropped. */
export function parseSourceInfo(raw: string): Partial<Omit<SourceInfo, 'password'>> & { hasPassword: boolean } {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    return { hasPassword: false };
  }
  if (typeof obj !== 'object' || obj === null) return { hasPassword: false };
  const o = obj as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  return {
    db_name: str('db_name'),
    user_name: str('user_name'),
    rds_instance_id: str('rds_instance_id'),
    hasPassword: typeof o.password === 'string' && o.password.length > 0,
  };
}

/** A `source_info` sent by us: a string that parses to SourceInfo. */
export const SourceInfoString = z.string().superRefine((raw, ctx) => {
  let obj: unknown;
  try {
    obj = JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object string' });
    return;
  }
  const r = SourceInfo.safeParse(obj);
  if (!r.success) {
    for (const issue of r.error.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    }
  }
});

export const ConnectorName = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, _ and -');

export const DataConnectorInput = z.strictObject({
  connector_name: ConnectorName,
  source_type: MrsSourceType,
  source_info: SourceInfoString,
});

export const UpdateDataConnectorBody = z.strictObject({ data_connector: DataConnectorInput });
export type UpdateDataConnectorBody = z.infer<typeof UpdateDataConnectorBody>;
export const CreateDataConnectorBody = UpdateDataConnectorBody;

/** Seed 000: success is `succeeded` or `succeed` (mrsResultOk, values.ts); `failed` fails even on 200. */
export const UpdateDataConnectorResponse = z.looseObject({ result: z.string() });

export const CreateDataConnectorResponse = z.looseObject({ connector_id: z.string() });

export const DataConnector = z.looseObject({
  connector_id: z.string(),
  connector_name: z.string(),
  source_type: z.string(),
  source_info: z.string(),
  create_time: z.number().optional().nullable(),
  last_update_time: z.number().optional().nullable(),
  create_by: z.string().optional().nullable(),
  create_user: z.string().optional().nullable(),
  tenant_id: z.string().optional().nullable(),
  last_update_by: z.string().optional().nullable(),
  status: z.number().optional().nullable(),
  used_clusters: z.string().optional().nullable(),
  encrypt_type: z.number().optional().nullable(),
});
export type DataConnector = z.infer<typeof DataConnector>;

export const ListDataConnectorsQuery = z.strictObject({
  connector_id: pathId.optional(),
  source_type: MrsSourceType.optional(),
  connector_name: z.string().max(64, 'must be at most 64 characters').optional(),
  limit: queryInt(1, 1000).optional(),
  offset: queryInt(0, 10_000_000).optional(),
  available: z.enum(['true', 'false']).optional(),
});
export const ListDataConnectorsResponse = z.looseObject({
  total_count: intLike(0, Number.MAX_SAFE_INTEGER),
  data_connectors: z.array(DataConnector),
});

export const MRS_SOURCE_TYPE_LABELS: Record<MrsSourceType, string> = {
  RDS_MYSQL: 'RDS for MySQL',
  RDS_POSTGRES: 'RDS for PostgreSQL',
  'gaussdb-mysql': 'GaussDB(for MySQL)',
};
