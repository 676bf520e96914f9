import {
  ConnectorName,
  MrsSourceType,
  SourceInfo,
  buildSourceInfo,
  parseSourceInfo,
  type DataConnector,
  type UpdateDataConnectorBody,
} from '@dsc/api-types';
import { z } from 'zod';

const info = SourceInfo.shape;

/**
 * The edit form: the `source_info` keys as their own fields, each checked by the very schema the
 * BFF validates the JSON string with. An empty password means "keep the stored one".
 */
export const connectorFormSchema = z.object({
  connector_name: ConnectorName,
  source_type: MrsSourceType,
  db_name: info.db_name,
  user_name: info.user_name,
  password: z
    .string()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(info.password),
  rds_instance_id: info.rds_instance_id,
});
export type ConnectorFormInput = z.input<typeof connectorFormSchema>;
export type ConnectorFormValues = z.output<typeof connectorFormSchema>;
export type ConnectorField = keyof ConnectorFormInput;

export const CONNECTOR_FIELDS = [
  'connector_name',
  'source_type',
  'db_name',
  'user_name',
  'password',
  'rds_instance_id',
] as const satisfies readonly ConnectorField[];

/** Longest accepted value per text field, read from the schemas so the form cannot drift. */
export const FIELD_MAX: Partial<Record<ConnectorField, number>> = {
  connector_name: ConnectorName.maxLength ?? undefined,
  db_name: info.db_name.maxLength ?? undefined,
  user_name: info.user_name.maxLength ?? undefined,
  password: info.password.unwrap().maxLength ?? undefined,
  rds_instance_id: info.rds_instance_id.maxLength ?? undefined,
};

/** What the form starts with: the stored values, never the (masked) password. */
export function connectorFormDefaults(c: DataConnector): ConnectorFormInput {
  const stored = parseSourceInfo(c.source_info);
  const type = MrsSourceType.safeParse(c.source_type);
  return {
    connector_name: c.connector_name,
    // An unknown stored type leaves the select empty, so the operator has to choose one.
    source_type: type.success ? type.data : ('' as MrsSourceType),
    db_name: stored.db_name ?? '',
    user_name: stored.user_name ?? '',
    password: '',
    rds_instance_id: stored.rds_instance_id ?? '',
  };
}

/** The BFF's wire body; `source_info` is built by the catalogue's one builder and nowhere else. */
export function toUpdateBody(v: ConnectorFormValues): UpdateDataConnectorBody {
  return {
    data_connector: {
      connector_name: v.connector_name,
      source_type: v.source_type,
      source_info: buildSourceInfo({
        db_name: v.db_name,
        user_name: v.user_name,
        password: v.password,
        rds_instance_id: v.rds_instance_id,
      }),
    },
  };
}

/**
 * Maps a server field path (`data_connector.source_info.db_name`) to the form field it is about.
 * A problem with the whole `source_info` string has no single field and stays undefined.
 */
export function formFieldOfServerPath(path: string): ConnectorField | undefined {
  const p = path.replace(/^data_connector\./, '');
  const inner = p.replace(/^source_info\./, '');
  return (CONNECTOR_FIELDS as readonly string[]).includes(inner)
    ? (inner as ConnectorField)
    : undefined;
}

/** Creating: the same fields, but a new connector has no stored password to keep. */
export const createConnectorFormSchema = connectorFormSchema.refine((v) => v.password !== undefined, {
  path: ['password'],
  message: 'is required',
});

/** A blank connector for the create form (the same form as edit). */
export const BLANK_CONNECTOR: DataConnector = {
  connector_id: '',
  connector_name: '',
  source_type: '',
  source_info: '{}',
};
