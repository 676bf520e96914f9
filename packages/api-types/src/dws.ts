import * as z from 'zod';

export const DwsClusterStatus = [
  'CREATING', 'ACTIVE', 'FAILED', 'CREATE_FAILED', 'DELETING', 'DELETE_FAILED', 'FROZEN', 'POLICE_FROZEN',
] as const;

export const DwsCluster = z.looseObject({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  version: z.string().optional().nullable(),
  vpc_id: z.string().optional().nullable(),
  subnet_id: z.string().optional().nullable(),
  node_type: z.string().optional().nullable(),
  number_of_node: z.number().optional().nullable(),
  created: z.string().optional().nullable(),
  updated: z.string().optional().nullable(),
  task_status: z.string().optional().nullable(),
  action_progress: z.record(z.string(), z.string()).optional().nullable(),
  failed_reasons: z.unknown().optional(),
});
export type DwsCluster = z.infer<typeof DwsCluster>;
export const ListClustersResponse = z.looseObject({ clusters: z.array(DwsCluster), count: z.number().optional() });

/** Read with configureStatusName (values.ts): a number, a numeric string or a name. */
export const ConfigureStatus = z.union([z.number(), z.string()]);

export const ExtDataSource = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  connect_info: z.string().optional().nullable(),
  user_name: z.string().optional().nullable(),
  version: z.string().optional().nullable(),
  configure_status: ConfigureStatus.optional().nullable(),
  status: z.string().optional().nullable(),
  data_source_id: z.string().optional().nullable(),
  created: z.string().optional().nullable(),
  updated: z.string().optional().nullable(),
  data_source_updated: z.string().optional().nullable(),
  extend_properties: z.unknown().optional(),
  description: z.string().optional().nullable(),
  fail_reason: z.string().optional().nullable(),
});
export type ExtDataSource = z.infer<typeof ExtDataSource>;

export const ListExtDataSourcesResponse = z.looseObject({
  data_sources: z.array(ExtDataSource),
  project_id: z.string().optional(),
  cluster_id: z.string().optional(),
  type: z.string().optional().nullable(),
  count: z.number().optional(),
});

export const AgencyName = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'may hold only letters, digits and _ . -');

export const ReconfigureBody = z.strictObject({
  reconfigure: z.strictObject({ reboot: z.boolean().optional(), agency: AgencyName.optional() }),
});
export type ReconfigureBody = z.infer<typeof ReconfigureBody>;
export const JobAcceptedResponse = z.looseObject({ job_id: z.string(), data_source_id: z.string().optional() });

export const DWS_DESCRIPTION = /^[^!<>'=&]*$/;
export const CreateExtDataSourceBody = z
  .strictObject({
    type: z.enum(['OBS', 'LAKE_FORMATION', 'MRS']),
    data_source_name: z
      .string()
      .min(1, 'is required')
      .max(64, 'must be at most 64 characters')
      .regex(/^[A-Za-z0-9_]+$/, 'may hold only letters, digits and underscores'),
    user_name: z.string().min(3, 'must be at least 3 characters').max(20, 'must be at most 20 characters'),
    data_source_id: z.string().min(1).max(64).optional(),
    user_pwd: z.string().min(1).max(128).optional(),
    connect_info: z.string().max(1024).optional(),
    description: z.string().max(256, 'must be at most 256 characters').regex(DWS_DESCRIPTION, "must not contain ! < > ' = &").optional(),
    reboot: z.boolean().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.type === 'MRS' && !b.data_source_id) ctx.addIssue({ code: 'custom', path: ['data_source_id'], message: 'is required for MRS' });
    if (b.type === 'MRS' && !b.user_pwd) ctx.addIssue({ code: 'custom', path: ['user_pwd'], message: 'is required for MRS' });
  });
export const CreateExtDataSourceResponse = z.looseObject({ id: z.string(), job_id: z.string() });

export const DWS_JOB_STATUSES = ['INIT', 'WAITING', 'RUNNING', 'DELAY_SCHEDULED', 'FAIL', 'SUCCESS', 'STOP'] as const;
export const DwsJob = z.looseObject({
  job_id: z.string(),
  job_name: z.string().optional().nullable(),
  begin_time: z.string().optional().nullable(),
  end_time: z.string().optional().nullable(),
  status: z.string(),
  failed_code: z.string().optional().nullable(),
  failed_detail: z.string().optional().nullable(),
  progress: z.union([z.string(), z.number()]).optional().nullable(),
});
export type DwsJob = z.infer<typeof DwsJob>;
