import type { AuditOutcome, AuditQuery } from '@dsc/api-types';
import {
  AUDIT_OUTCOMES,
  AUDIT_PAGE_DEFAULT,
  SESSION_OPERATIONS,
  TARGET_ID_PATTERN,
  operationIds,
} from '@dsc/api-types/meta';
import {
  numberOfParam,
  oneOfParam,
  pageParam,
  searchValidator,
  textParam,
} from '../../lib/search-params.ts';

export const AUDIT_PAGE_SIZES = [25, AUDIT_PAGE_DEFAULT, 100, 200] as const;

/** What the operation filter offers: sign-in and sign-out, then every catalogue operation. */
export const AUDIT_OPERATIONS: readonly string[] = [...SESSION_OPERATIONS, ...[...operationIds].sort()];

export const auditSearchDefaults = { page: 1, pageSize: AUDIT_PAGE_DEFAULT } as const;

export interface AuditSearch {
  page: number;
  pageSize: (typeof AUDIT_PAGE_SIZES)[number];
  user?: string | undefined;
  operation?: string | undefined;
  /**
   * The fleet target the entries acted on. Not `target`: that search param is the console's
   * current target everywhere (the header's switcher), which the audit page does not change.
   */
  targetId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** Calendar days as the date input writes them (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

/** A calendar day (YYYY-MM-DD); anything else, or 2024-02-30, is dropped. */
function dayParam(v: unknown): string | undefined {
  return typeof v === 'string' && parseDay(v) !== undefined ? v : undefined;
}

// Each bad value falls back on its own, so a hand-edited link never breaks the page.
export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const from = dayParam(raw.from);
  const to = dayParam(raw.to);
  return {
    page: pageParam(raw.page, auditSearchDefaults.page),
    pageSize: numberOfParam(raw.pageSize, AUDIT_PAGE_SIZES) ?? auditSearchDefaults.pageSize,
    user: textParam(raw.user, 64),
    operation: textParam(raw.operation, 200),
    targetId: typeof raw.targetId === 'string' && TARGET_ID_PATTERN.test(raw.targetId) ? raw.targetId : undefined,
    outcome: oneOfParam(raw.outcome, AUDIT_OUTCOMES),
    from,
    // A range that ends before it starts keeps its start: the BFF would refuse the pair.
    to: from && to && to < from ? undefined : to,
  };
}

export const validateAuditSearch = searchValidator(parseAuditSearch);
export type AuditFilters = Pick<AuditSearch, 'user' | 'operation' | 'targetId' | 'outcome' | 'from' | 'to'>;

/** The filter form's fields to filters: blank means "any"; the URL schema checks each value. */
export function filtersFromForm(form: FormData): AuditFilters {
  const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
  const outcome = value('outcome');
  return {
    user: value('user'),
    operation: value('operation'),
    targetId: value('targetId'),
    outcome: AUDIT_OUTCOMES.find((o) => o === outcome),
    from: value('from'),
    to: value('to'),
  };
}

export function hasFilters(s: AuditFilters): boolean {
  return Boolean(s.user || s.operation || s.targetId || s.outcome || s.from || s.to);
}

/**
 * The URL's view to the BFF's query: page → offset, days → instants. A day is the user's local
 * day, from its first to its last millisecond, sent as UTC.
 */
export function toAuditQuery(s: AuditSearch): AuditQuery {
  return { ...auditFilterQuery(s), limit: s.pageSize, offset: (s.page - 1) * s.pageSize };
}

/** The filters alone, as the BFF takes them (the export pages through them itself). */
export function auditFilterQuery(s: AuditFilters): Omit<AuditQuery, 'limit' | 'offset'> {
  const from = s.from ? parseDay(s.from) : undefined;
  const to = s.to ? parseDay(s.to) : undefined;
  return {
    ...(s.user ? { user: s.user } : {}),
    ...(s.operation ? { operation: s.operation } : {}),
    ...(s.targetId ? { target: s.targetId } : {}),
    ...(s.outcome ? { outcome: s.outcome } : {}),
    ...(from ? { from: new Date(from.y, from.m - 1, from.d).toISOString() } : {}),
    ...(to ? { to: new Date(to.y, to.m - 1, to.d, 23, 59, 59, 999).toISOString() } : {}),
  };
}

function parseDay(v: string): { y: number; m: number; d: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(y, m - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== m - 1 || date.getDate() !== d) return undefined;
  return { y, m, d };
}
