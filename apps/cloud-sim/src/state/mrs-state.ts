import type { z } from 'zod';
import { MASKED_PASSWORD } from '@dsc/api-types';
import type { ListDataConnectorsQuery, MrsSourceType, UpdateDataConnectorBody } from '@dsc/api-types';
import { mrsErrors } from '../http/service-error.ts';
import type { Prng } from '../prng.ts';
import type { SimEnv } from './env.ts';

export interface StoredSourceInfo {
  db_name: string;
  user_name: string;
  password: string;
  rds_instance_id: string;
}

export interface DataConnectorRec {
  connector_id: string;
  connector_name: string;
  source_type: MrsSourceType;
  sourceInfo: StoredSourceInfo;
  create_time: number;
  last_update_time: number;
  create_by: string;
  create_user: string;
  tenant_id: string;
  last_update_by: string;
  /** 1 available, 0 unavailable */
  status: number;
  used_clusters: string;
  encrypt_type: number;
}

/** Not documented upstream; the simulator returns up to 1000 (the documented maximum) by default. */
const DEFAULT_LIMIT = 1000;
const API_USER = 'console-api';

type ListQuery = z.output<typeof ListDataConnectorsQuery>;
type ConnectorInput = UpdateDataConnectorBody['data_connector'];

export class MrsConnectors {
  constructor(
    private readonly connectors: DataConnectorRec[],
    private readonly env: SimEnv,
    private readonly prng: Prng,
    private readonly tenantId: string,
  ) {}

  list(q: ListQuery) {
    const name = q.connector_name?.toLowerCase();
    const matching = this.connectors
      .filter(
        (c) =>
          (q.connector_id === undefined || c.connector_id === q.connector_id) &&
          (q.source_type === undefined || c.source_type === q.source_type) &&
          (name === undefined || c.connector_name.toLowerCase().includes(name)) &&
          (q.available === undefined || (c.status === 1) === (q.available === 'true')),
      )
      .sort((a, b) => b.create_time - a.create_time);
    const offset = Number(q.offset ?? 0);
    const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
    return {
      total_count: matching.length,
      data_connectors: matching.slice(offset, offset + limit).map(render),
    };
  }

  create(input: ConnectorInput): string {
    this.checkNameFree(input.connector_name, undefined);
    const info = parseInfo(input.source_info);
    if (info.password === undefined) throw mrsErrors.param('source_info.password is required when creating a data connection.');
    const now = this.env.now();
    const rec: DataConnectorRec = {
      connector_id: this.prng.uuid(),
      connector_name: input.connector_name,
      source_type: input.source_type,
      sourceInfo: { ...info, password: info.password },
      create_time: now,
      last_update_time: now,
      create_by: API_USER,
      create_user: API_USER,
      tenant_id: this.tenantId,
      last_update_by: API_USER,
      status: 1,
      used_clusters: '',
      encrypt_type: 1,
    };
    this.connectors.push(rec);
    return rec.connector_id;
  }

  /** Leaving `password` out keeps the stored one; sending the mask back is refused. */
  update(id: string, input: ConnectorInput): void {
    const rec = this.require(id);
    this.checkNameFree(input.connector_name, id);
    const info = parseInfo(input.source_info);
    rec.connector_name = input.connector_name;
    rec.source_type = input.source_type;
    rec.sourceInfo = { ...info, password: info.password ?? rec.sourceInfo.password };
    rec.last_update_time = this.env.now();
    rec.last_update_by = API_USER;
  }

  delete(id: string): void {
    const rec = this.require(id);
    this.connectors.splice(this.connectors.indexOf(rec), 1);
  }

  private require(id: string): DataConnectorRec {
    const rec = this.connectors.find((c) => c.connector_id === id);
    if (!rec) throw mrsErrors.notFound(`The data connection ${id} does not exist.`);
    return rec;
  }

  private checkNameFree(name: string, exceptId: string | undefined): void {
    if (this.connectors.some((c) => c.connector_name === name && c.connector_id !== exceptId)) {
      throw mrsErrors.exists(`The data connection name ${name} already exists.`);
    }
  }
}

function parseInfo(raw: string): Omit<StoredSourceInfo, 'password'> & { password?: string } {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw mrsErrors.param('source_info must be a JSON object string.');
  }
  const str = (k: string): string => {
    const v = o[k];
    if (typeof v !== 'string' || v === '') throw mrsErrors.param(`source_info.${k} is required.`);
    return v;
  };
  const pw = o.password;
  if (pw !== undefined && (typeof pw !== 'string' || pw === '' || /^\*+$/.test(pw))) {
    throw mrsErrors.param('source_info.password is invalid: a masked or empty password cannot be saved.');
  }
  return {
    db_name: str('db_name'),
    user_name: str('user_name'),
    ...(typeof pw === 'string' ? { password: pw } : {}),
    rds_instance_id: str('rds_instance_id'),
  };
}

function render(c: DataConnectorRec) {
  const { sourceInfo: si, ...rest } = c;
  return {
    ...rest,
    source_info: JSON.stringify({
      db_name: si.db_name,
      user_name: si.user_name,
      password: MASKED_PASSWORD,
      rds_instance_id: si.rds_instance_id,
    }),
  };
}
