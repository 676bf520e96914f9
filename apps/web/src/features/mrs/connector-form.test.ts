import { MASKED_PASSWORD, UpdateDataConnectorBody, parseSourceInfo, type DataConnector } from '@dsc/api-types';
import { MRS_SOURCE_TYPES } from '@dsc/api-types/meta';
import { describe, expect, it } from 'vitest';
import {
  connectorFormDefaults,
  connectorFormSchema,
  formFieldOfServerPath,
  toUpdateBody,
  type ConnectorFormInput,
} from './connector-form.ts';

const stored: DataConnector = {
  connector_id: '7d169c6c-ab50-4a56-a5d2-240ca20aabda',
  connector_name: 'mrs-mysql-connector',
  source_type: 'RDS_MYSQL',
  source_info: JSON.stringify({
    db_name: 'default',
    user_name: 'mrs',
    password: MASKED_PASSWORD,
    rds_instance_id: '3aa55f1cb4c3491686936130f21e9f16in01',
  }),
};

const input = (over: Partial<ConnectorFormInput> = {}): ConnectorFormInput => ({
  ...connectorFormDefaults(stored),
  ...over,
});

/** The first issue per field, as the form shows it. */
function issuesOf(v: ConnectorFormInput) {
  const r = connectorFormSchema.safeParse(v);
  if (r.success) return [];
  const first = new Map<string, string>();
  for (const i of r.error.issues) if (!first.has(i.path.join('.'))) first.set(i.path.join('.'), i.code);
  return [...first].map(([path, code]) => ({ path, code }));
}

describe('the edit form starts from the stored connector', () => {
  it('fills every source_info field but never the masked password', () => {
    expect(connectorFormDefaults(stored)).toEqual({
      connector_name: 'mrs-mysql-connector',
      source_type: 'RDS_MYSQL',
      db_name: 'default',
      user_name: 'mrs',
      password: '',
      rds_instance_id: '3aa55f1cb4c3491686936130f21e9f16in01',
    });
    expect(JSON.stringify(connectorFormDefaults(stored))).not.toContain('*');
  });

  it('leaves an unknown stored type and an unreadable source_info for the operator to fill', () => {
    const odd = connectorFormDefaults({ ...stored, source_type: 'ORACLE', source_info: 'not json' });
    expect(odd).toMatchObject({ source_type: '', db_name: '', user_name: '', rds_instance_id: '' });
    expect(issuesOf(odd).map((i) => i.path)).toEqual(['source_type', 'db_name', 'user_name', 'rds_instance_id']);
  });
});

describe('source_info is built from the fields, for every source type', () => {
  it.each(MRS_SOURCE_TYPES)('%s: untouched password → the key is omitted, so the stored one is kept', (type) => {
    const values = connectorFormSchema.parse(input({ source_type: type, db_name: 'sales', user_name: 'etl' }));
    const body = toUpdateBody(values);
    expect(UpdateDataConnectorBody.parse(body)).toEqual(body);
    expect(body.data_connector.source_type).toBe(type);
    // Byte for byte what the BFF forwards: keys in the catalogue's order, no password key.
    expect(body.data_connector.source_info).toBe(
      '{"db_name":"sales","user_name":"etl","rds_instance_id":"3aa55f1cb4c3491686936130f21e9f16in01"}',
    );
    expect(parseSourceInfo(body.data_connector.source_info)).toEqual({
      db_name: 'sales',
      user_name: 'etl',
      rds_instance_id: '3aa55f1cb4c3491686936130f21e9f16in01',
      hasPassword: false,
    });
  });

  it.each(MRS_SOURCE_TYPES)('%s: a typed password is sent', (type) => {
    const body = toUpdateBody(connectorFormSchema.parse(input({ source_type: type, password: 'N3w-pass!' })));
    expect(JSON.parse(body.data_connector.source_info)).toEqual({
      db_name: 'default',
      user_name: 'mrs',
      password: 'N3w-pass!',
      rds_instance_id: '3aa55f1cb4c3491686936130f21e9f16in01',
    });
    expect(parseSourceInfo(body.data_connector.source_info).hasPassword).toBe(true);
  });

  it('builds nothing else: the body has exactly the three documented keys', () => {
    const body = toUpdateBody(connectorFormSchema.parse(input()));
    expect(Object.keys(body)).toEqual(['data_connector']);
    expect(Object.keys(body.data_connector)).toEqual(['connector_name', 'source_type', 'source_info']);
  });
});

describe('validation uses the catalogue schemas', () => {
  it('refuses the mask typed back as a password', () => {
    expect(issuesOf(input({ password: MASKED_PASSWORD }))).toEqual([{ path: 'password', code: 'custom' }]);
    expect(issuesOf(input({ password: '**' }))).toEqual([{ path: 'password', code: 'custom' }]);
  });

  it('names each bad field with the kind of problem', () => {
    expect(
      issuesOf(
        input({
          connector_name: '9starts-with-digit',
          db_name: 'has space',
          user_name: '',
          rds_instance_id: 'x'.repeat(65),
        }),
      ),
    ).toEqual([
      { path: 'connector_name', code: 'invalid_format' },
      { path: 'db_name', code: 'invalid_format' },
      { path: 'user_name', code: 'too_small' },
      { path: 'rds_instance_id', code: 'too_big' },
    ]);
  });
});

describe('server field paths land on form fields', () => {
  it.each([
    ['data_connector.connector_name', 'connector_name'],
    ['data_connector.source_type', 'source_type'],
    ['data_connector.source_info.db_name', 'db_name'],
    ['data_connector.source_info.user_name', 'user_name'],
    ['data_connector.source_info.password', 'password'],
    ['data_connector.source_info.rds_instance_id', 'rds_instance_id'],
    ['data_connector.source_info', undefined],
    ['params.connector_id', undefined],
  ])('%s → %s', (path, field) => {
    expect(formFieldOfServerPath(path)).toBe(field);
  });
});
