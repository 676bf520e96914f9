import type { Prng } from '../prng.ts';
import type { QueueRec } from './dli-types.ts';

type QueueSpec = [
  name: string,
  type: 'sql' | 'general',
  resourceMode: 0 | 1,
  chargingMode: 1 | 2,
  cu: number,
  pool: string | null,
  env: string,
  description: string,
];

/** A fixed catalogue of queues covering every rule: `default`, shared pay-per-use, dedicated, yearly. */
const QUEUES: readonly QueueSpec[] = [
  ['default', 'sql', 0, 1, 16, null, 'shared', 'Default shared SQL queue'],
  ['sql_shared_adhoc', 'sql', 0, 1, 16, null, 'dev', 'Ad-hoc analysis, pay per use'],
  ['sql_prod_yearly', 'sql', 1, 2, 64, null, 'prod', 'Production SQL, yearly package'],
  ['sql_bi_reporting', 'sql', 1, 1, 32, null, 'prod', 'BI dashboards'],
  ['sql_finance_monthly', 'sql', 0, 2, 32, null, 'prod', 'Finance month-end jobs'],
  ['sql_dev_sandbox', 'sql', 0, 1, 16, null, 'dev', 'Developer sandbox'],
  ['sql_analytics_pool', 'sql', 1, 1, 64, 'pool_analytics', 'prod', 'Runs in the analytics elastic pool'],
  ['spark_etl_prod', 'general', 1, 2, 128, null, 'prod', 'Nightly ETL'],
  ['spark_ml_training', 'general', 1, 1, 96, null, 'staging', 'Model training'],
  ['spark_streaming', 'general', 1, 2, 48, 'pool_streaming', 'prod', 'Streaming ingestion'],
  ['flink_cdc_jobs', 'general', 1, 2, 32, null, 'prod', 'Change data capture'],
  // Binding this queue always fails (its name contains "fail"): the demo's FAILED path.
  ['spark_failover_test', 'general', 1, 1, 16, null, 'test', 'Failover rehearsal'],
];

export function seedQueues(prng: Prng, anchor: number): QueueRec[] {
  return QUEUES.map(([name, type, resourceMode, chargingMode, cu, pool, env, description], i) => ({
    queue_name: name,
    queue_type: type,
    cu_count: cu,
    resource_mode: resourceMode,
    charging_mode: chargingMode,
    elastic_resource_pool_name: pool,
    create_time: anchor - (400 - i * 20) * 86_400_000 - prng.int(0, 86_399) * 1000,
    owner: prng.pick(['zhang.wei', 'li.na', 'ops_admin']),
    description,
    tags: [{ key: 'env', value: env }],
  }));
}

/**
 * The provider keeps the addresses it has tested per queue; the seed gives each queue one earlier
 * test (task id = its place in QUEUES + 1) of an address no connection reaches.
 */
export const SEEDED_TEST_ADDRESS = '198.51.100.10:443';
export function seededTestTaskId(queueName: string): string {
  return String(QUEUES.findIndex(([name]) => name === queueName) + 1);
}
