import * as z from 'zod';
import { parseAddress, parseCidr } from './network.ts';
import { CONNECTION_PRIVILEGES, PROJECT_ID } from './values.ts';

// The enhanced connection's network around its queues: routes, authorisation of other projects,
// and the per-queue connectivity test (docs/upstream-api-additions.md).

const dliResult = { is_success: z.boolean().optional(), message: z.string().optional() };

export const RouteName = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.-]*$/, 'may hold only letters, digits and _ . -')
  .regex(/^[A-Za-z0-9]/, 'must start with a letter or digit');

const CIDR_PROBLEMS = {
  format: 'must be an IPv4 network such as 10.0.0.0/16',
  prefix: 'must have a prefix length between 0 and 32',
  'host-bits': 'must be a network address (the bits after the prefix zero), e.g. 10.0.0.0/16',
} as const;

export const Cidr = z.string().superRefine((v, ctx) => {
  const parsed = parseCidr(v);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: CIDR_PROBLEMS[parsed.error] });
});

export const CreateRouteBody = z.strictObject({ name: RouteName, cidr: Cidr });
export type CreateRouteBody = z.infer<typeof CreateRouteBody>;

export const ProjectId = z.string().regex(PROJECT_ID, 'must be a project id (32 lower-case hex characters)');

/**
 * PUT /v1.0/{project_id}/authorization for an enhanced connection. The provider's own Terraform
 * provider sends exactly this; note `projectId` is camelCase on the wire.
 */
export const ConnectionAuthorizationBody = z.strictObject({
  projectId: ProjectId,
  action: z.enum(['grant', 'revoke'], { error: 'must be grant or revoke' }),
  privileges: z
    .array(
      z.strictObject({
        object: z
          .string()
          .max(200, 'must be at most 200 characters')
          .regex(/^edsconnections\.[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be edsconnections.<connection id>'),
        privileges: z.array(z.enum(CONNECTION_PRIVILEGES, { error: 'must be BIND_QUEUE' })).min(1, 'name at least one privilege'),
      }),
    )
    .length(1, 'must name exactly one connection'),
});
export type ConnectionAuthorizationBody = z.infer<typeof ConnectionAuthorizationBody>;

export const ConnectionPrivilege = z.looseObject({
  object: z.string().optional(),
  /** The docs' name; the provider's Terraform reads `project_id`: accept either. */
  applicant_project_id: z.string().optional(),
  project_id: z.string().optional(),
  privileges: z.array(z.string()).default([]),
});
export type ConnectionPrivilege = z.infer<typeof ConnectionPrivilege>;

export const ConnectionPrivilegesResponse = z.looseObject({
  ...dliResult,
  connection_id: z.string().optional(),
  privileges: z.array(ConnectionPrivilege).default([]),
});

const ADDRESS_PROBLEMS = {
  host: 'must be an IPv4 address or a host name (letters, digits, _ - ., starting with a letter)',
  port: 'must end with a port between 1 and 65535',
} as const;

export const ConnectionTestBody = z.strictObject({
  address: z
    .string()
    .min(1, 'is required')
    .max(140, 'must be at most 140 characters')
    .superRefine((v, ctx) => {
      const parsed = parseAddress(v);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: ADDRESS_PROBLEMS[parsed.reason] });
    }),
});
export type ConnectionTestBody = z.infer<typeof ConnectionTestBody>;

/** The Chinese reference types task_id as an integer, the English one as a string: both, read as a string. */
export const TaskId = z.union([z.number().int().nonnegative(), z.string().min(1)]).transform((v) => String(v));

export const ConnectionTestStarted = z.looseObject({ ...dliResult, task_id: TaskId });

/** `connectivity`: REACHABLE, UNREACHABLE, or anything else while the test still runs. */
export const ConnectionTestResult = z.looseObject({ ...dliResult, connectivity: z.string().optional().nullable() });
