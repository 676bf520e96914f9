/** Vocabulary for realistic seeded names. */
export const SYSTEMS = ['rds', 'mysql', 'pg', 'dws', 'css', 'kafka', 'redis', 'mongo', 'hbase', 'gaussdb', 'cloudtable', 'obs'] as const;
export const DOMAINS = [
  'orders', 'billing', 'crm', 'inventory', 'payments', 'logistics', 'hr', 'marketing', 'risk', 'iot',
  'clickstream', 'ledger', 'search', 'loyalty', 'catalog', 'pricing', 'fraud', 'support',
] as const;
export const ENVS = ['prod', 'staging', 'dev', 'test', 'dr', 'uat'] as const;

export const TEAMS = ['data-platform', 'finance-bi', 'growth', 'risk-eng', 'sre', 'ml-ops'] as const;
export const COST_CENTERS = ['cc-1042', 'cc-2210', 'cc-3307', 'cc-4501'] as const;

export const HOST_PREFIXES = ['ecs', 'db', 'app', 'node', 'kafka-broker', 'redis', 'es-data', 'etl-worker'] as const;

/** Why a per-queue peering fails; the first is the classic one the console must show verbatim. */
export const PEERING_FAILURES = [
  'Failed to create peering: subnet CIDR conflicts with queue CIDR 172.16.0.0/18',
  'Failed to create peering: the number of VPC peering connections has reached the quota',
  'Failed to add route: the route table already has a route to destination 10.0.0.0/16',
  'Failed to create peering: the destination VPC does not exist or has been deleted',
  'Failed to create peering: queue CIDR 192.168.0.0/20 overlaps the destination subnet',
  'Queue resources are unavailable: the queue is being scaled, retry after the scaling completes',
] as const;

export const BASIC_SERVICES = ['CloudTable', 'CloudTable.OpenTSDB', 'MRS.OpenTSDB', 'DWS', 'RDS', 'CSS'] as const;

export const MRS_DB_NAMES = ['orders', 'billing', 'crm', 'warehouse', 'analytics', 'default', 'metastore'] as const;
export const MRS_USERS = ['mrs', 'etl_user', 'hive_reader', 'spark_app', 'dbadmin'] as const;
export const PEOPLE = ['zhang.wei', 'li.na', 'wang.fang', 'chen.jie', 'liu.yang', 'alice.m', 'bob.k'] as const;

export const DWS_AGENCIES = ['DWSAccessOBS', 'dws_obs_agency', 'lf_catalog_agency', 'dws-etl-agency'] as const;
export const DWS_CLUSTER_FAILURES = [
  'Insufficient ECS resources in the selected availability zone',
  'The subnet has no free IP addresses left',
] as const;
export const DWS_SOURCE_FAILURES = [
  'Agency DWSAccessOBS has no permission to access OBS bucket dws-ext-data',
  'Failed to connect to the MRS cluster: Kerberos authentication failed',
  'The LakeFormation instance does not exist or is not running',
] as const;
