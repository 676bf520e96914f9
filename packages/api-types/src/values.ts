import type { Queue } from './dli.ts';

// Plain values the schemas are built from (enumerations, status codes, limits, patterns) and the
// pure functions that read them. Nothing here imports zod: the web's first paint uses these
// without loading the validators (meta.ts).

// ---- primitives

/** A path segment id: no separators, no dot-segments, no control characters. */
export const PATH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const PATH_ID_MAX = 128;

/** The rule of the `pathId` schema, for callers that only need a yes or no. */
export function isPathId(v: string): boolean {
  return v.length >= 1 && v.length <= PATH_ID_MAX && PATH_ID.test(v);
}

export const IPV4 =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

// ---- DLI

/** The most hosts one enhanced connection may carry. */
export const MAX_HOSTS = 20_000;

export const QUEUE_BINDING_STATUSES = ['CREATING', 'ACTIVE', 'FAILED'] as const;

/** The docs mix cases for a queue's binding status: any spelling maps to the upper-case name. */
export function queueStatusOf(s: string): (typeof QUEUE_BINDING_STATUSES)[number] | 'UNKNOWN' {
  const up = s.toUpperCase();
  return QUEUE_BINDING_STATUSES.find((status) => status === up) ?? 'UNKNOWN';
}

/**
 * Sort keys of the connections view (`-` = descending). The upstream returns its own order, so
 * the BFF sorts the whole list (issue 20).
 */
export const CONNECTION_SORTS = ['-created', 'created', 'name', '-name'] as const;
export type ConnectionSort = (typeof CONNECTION_SORTS)[number];

/** Per-queue binding filter: any queue FAILED, any CREATING, or every queue ACTIVE. */
export const QUEUE_STATUS_FILTERS = ['FAILED', 'CREATING', 'ACTIVE'] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

/** The connections view's largest page; `pageSize=0` asks for every matching row at once. */
export const CONNECTION_VIEW_PAGE_MAX = 1000;

/** Docs: only yearly/monthly or dedicated queues may use enhanced connections, never `default`. */
export function queueUsableForEnhanced(
  q: Pick<Queue, 'queue_name' | 'resource_mode' | 'charging_mode'>,
): { usable: true } | { usable: false; reason: 'default' | 'shared-pay-per-use' } {
  if (q.queue_name === 'default') return { usable: false, reason: 'default' };
  if (q.resource_mode === 1 || q.charging_mode === 2) return { usable: true };
  return { usable: false, reason: 'shared-pay-per-use' };
}

/** Project ids are 32 lower-case hex characters. */
export const PROJECT_ID = /^[0-9a-f]{32}$/;

/** What an enhanced connection's grant may give another project. */
export const CONNECTION_PRIVILEGES = ['BIND_QUEUE'] as const;

export const CONNECTIVITY = ['REACHABLE', 'UNREACHABLE'] as const;
export type Connectivity = (typeof CONNECTIVITY)[number];

/** A connectivity test has settled once it answers REACHABLE or UNREACHABLE (any case). */
export function connectivityOf(v: string | null | undefined): Connectivity | 'CHECKING' {
  const up = (v ?? '').toUpperCase();
  return CONNECTIVITY.find((c) => c === up) ?? 'CHECKING';
}

/** How many connectivity tests the doctor keeps in flight at once (the provider publishes no limit). */
export const DOCTOR_PARALLEL_TESTS = 4;

/** `edsconnections.<connection id>`: the object a grant names. */
export const EDS_OBJECT_PREFIX = 'edsconnections.';

/** The docs name the granted project `applicant_project_id`; the provider's Terraform reads `project_id`. */
export function privilegeProjectId(p: { applicant_project_id?: string | undefined; project_id?: string | undefined }): string {
  return p.applicant_project_id ?? p.project_id ?? '';
}

// The doctor's history (decision 013).
export const DOCTOR_OUTCOMES = ['REACHABLE', 'UNREACHABLE', 'error'] as const;
export const DOCTOR_DIAGNOSES = ['binding-not-active', 'not-authorised', 'host-unknown', 'no-route', 'unexplained'] as const;
export type DoctorDiagnosis = (typeof DOCTOR_DIAGNOSES)[number];
export const DOCTOR_HISTORY_KEEP = 20;
export const DOCTOR_RESULTS_MAX = 200;

// ---- MRS

export const MRS_SOURCE_TYPES = ['RDS_POSTGRES', 'RDS_MYSQL', 'gaussdb-mysql'] as const;

/** Seed 000: the description says `succeeded`, the example `succeed`; `failed` fails even on 200. */
export function mrsResultOk(result: string): boolean {
  return result === 'succeeded' || result === 'succeed';
}

// ---- DWS

/** Only an ACTIVE cluster takes changes; frozen and failed ones are shown but not offered. */
export function clusterAcceptsChanges(status: string): boolean {
  return status.toUpperCase() === 'ACTIVE';
}

export const CONFIGURE_STATUS_CODES = {
  100: 'CREATING',
  200: 'ACTIVE',
  300: 'FAILED',
  400: 'DELETED',
  401: 'DELETING',
  500: 'UPDATING',
  600: 'PENDING_REBOOT',
} as const;
export type ConfigureStatusName = (typeof CONFIGURE_STATUS_CODES)[keyof typeof CONFIGURE_STATUS_CODES];
const NAMES = Object.values(CONFIGURE_STATUS_CODES) as string[];

/** configure_status arrives as a number, a numeric string or a name: all map to the name. */
export function configureStatusName(v: unknown): ConfigureStatusName | 'UNKNOWN' {
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) {
    const name = (CONFIGURE_STATUS_CODES as Record<number, ConfigureStatusName>)[Number(v)];
    return name ?? 'UNKNOWN';
  }
  if (typeof v === 'string' && NAMES.includes(v.toUpperCase())) return v.toUpperCase() as ConfigureStatusName;
  return 'UNKNOWN';
}

export function jobIsFinal(status: string): boolean {
  return ['FAIL', 'SUCCESS', 'STOP'].includes(status.toUpperCase());
}

// ---- audit trail

/**
 * How an audited request ended: `success` (2xx), `denied` (no session, no permission, CSRF,
 * sign-in throttled), `invalid` (the request failed validation and reached nothing upstream),
 * `failure` (wrong credentials, an upstream error, anything else).
 */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied', 'invalid'] as const;

/** Operations the audit trail names besides catalogue operation ids (`dli.replaceHosts`, …). */
export const SESSION_OPERATIONS = ['session.signIn', 'session.signOut'] as const;

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 500;

/**
 * `^[a-z0-9][a-z0-9-]{0,31}$`: a target id as it stands in `/api/t/:targetId/…` and the `target`
 * search param. Here rather than in fleet.ts so the web's first paint can check it without zod.
 */
export const TARGET_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;
