import { MRS_SOURCE_TYPES } from '@dsc/api-types';
import type { Prng } from '../prng.ts';
import type { DataConnectorRec } from './mrs-state.ts';
import { DOMAINS, ENVS, MRS_DB_NAMES, MRS_USERS, PEOPLE } from './names.ts';

const COUNT = 40;
const SHORT: Record<(typeof MRS_SOURCE_TYPES)[number], string> = { RDS_POSTGRES: 'pg', RDS_MYSQL: 'mysql', 'gaussdb-mysql': 'taurus' };
const INSTANCE_SUFFIX: Record<(typeof MRS_SOURCE_TYPES)[number], string> = { RDS_POSTGRES: 'in03', RDS_MYSQL: 'in01', 'gaussdb-mysql': 'in07' };

export function seedMrs(prng: Prng, anchor: number): { connectors: DataConnectorRec[]; tenantId: string } {
  const tenantId = prng.hex(32);
  const used = new Set<string>();
  const connectors: DataConnectorRec[] = [];
  for (let i = 0; i < COUNT; i++) {
    const type = MRS_SOURCE_TYPES[i % MRS_SOURCE_TYPES.length] ?? 'RDS_MYSQL';
    let name = `mrs-${SHORT[type]}-${prng.pick(DOMAINS)}-${prng.pick(ENVS)}`;
    if (used.has(name)) name = `${name}-${i}`;
    used.add(name);
    const created = anchor - prng.int(2, 300) * 86_400_000 - prng.int(0, 86_399) * 1000;
    const creator = prng.pick(PEOPLE);
    connectors.push({
      connector_id: prng.uuid(),
      connector_name: name,
      source_type: type,
      sourceInfo: {
        db_name: prng.pick(MRS_DB_NAMES),
        user_name: prng.pick(MRS_USERS),
        password: `Sim-${prng.hex(16)}`,
        rds_instance_id: `${prng.hex(32)}${INSTANCE_SUFFIX[type]}`,
      },
      create_time: created,
      last_update_time: created + prng.int(0, 30) * 86_400_000,
      create_by: creator,
      create_user: creator,
      tenant_id: tenantId,
      last_update_by: prng.pick(PEOPLE),
      status: prng.chance(0.85) ? 1 : 0,
      used_clusters: prng.chance(0.5) ? `mrs-${prng.pick(ENVS)}-${prng.int(1, 9).toString().padStart(2, '0')}` : '',
      encrypt_type: 1,
    });
  }
  return { connectors, tenantId };
}
