import * as z from 'zod';
import { ROLES } from './roles.ts';
import { AUDIT_OUTCOMES, AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, TARGET_ID_PATTERN } from './values.ts';

export const AuditOutcome = z.enum(AUDIT_OUTCOMES);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/**
 * One line of the audit trail (AUDIT_LOG_FILE, one JSON object per line). `user` is the signed-in
 * user, or for sign-in attempts the username that was tried (null when none is known).
 * `operation` is a catalogue operation id, `session.signIn`/`session.signOut`, `audit.read`, or
 * `METHOD /path` for a request refused before routing (CSRF). `targetIds` are the path
 * parameters (`connection_id`, `cluster_id`, …); `created` names what a create made. Never a password, secret, cookie or body.
 */
export const AuditEntry = z.object({
  time: z.iso.datetime({ offset: true }),
  requestId: z.string(),
  user: z.string().nullable(),
  role: z.enum(ROLES).nullable(),
  /** For users signed in through OpenID Connect: the identity provider's `sub` (`user` is the username claim). */
  subject: z.string().optional(),
  sourceAddress: z.string(),
  operation: z.string(),
  /** The target (project and region) the request acted on; absent for sign-in, sign-out and requests refused before routing. */
  target: z.string().optional(),
  targetIds: z.record(z.string(), z.string()),
  /**
   * For a create: what it made — `name` (from the request) and, once the cloud answered with it,
   * `id`; no other keys. Absent on older entries and on every other operation. A record rather
   * than an object schema: the same shape as `targetIds`, so it adds next to nothing to the
   * schemas every first answer loads (the web's api-schemas budget).
   */
  created: z.record(z.string(), z.string()).optional(),
  outcome: AuditOutcome,
  httpStatus: z.number().int(),
  /** The console's error code (`FORBIDDEN`, `VALIDATION`, `UPSTREAM_ERROR`, …) when not a success. */
  errorCode: z.string().optional(),
  /** What the cloud answered, when the request reached it. */
  upstream: z
    .object({
      status: z.number().int().optional(),
      code: z.string().optional(),
      requestId: z.string().optional(),
    })
    .optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;


/**
 * `GET /api/audit` query: exact `user` and `operation`, `outcome`, a time range (`from` and `to`
 * inclusive, ISO 8601 with offset), paging. Built for URL search params, so numbers arrive as text.
 */
export const AuditQuery = z
  .strictObject({
    user: z
      .string()
      .min(1, 'must not be empty')
      .max(64, 'must be at most 64 characters')
      .optional(),
    operation: z
      .string()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .optional(),
    target: z
      .string()
      .regex(TARGET_ID_PATTERN, 'must be a target id')
      .optional(),
    outcome: z
      .enum(AUDIT_OUTCOMES, { error: `must be one of ${AUDIT_OUTCOMES.join(', ')}` })
      .optional(),
    from: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
    to: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).optional(),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(AUDIT_PAGE_MAX, `must be at most ${AUDIT_PAGE_MAX}`)
      .default(AUDIT_PAGE_DEFAULT),
    offset: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(1_000_000, 'must be at most 1000000')
      .default(0),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    path: ['to'],
    message: 'must not be before from',
  });
export type AuditQuery = z.infer<typeof AuditQuery>;
export type AuditQueryInput = z.input<typeof AuditQuery>;

/** `GET /api/audit` answer: newest first; `total` counts every entry matching the filters. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;
