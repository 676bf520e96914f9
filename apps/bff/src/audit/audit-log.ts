import type { AuditEntry, AuditPage, AuditQuery } from '@dsc/api-types';
import { createAuditAppender, prepareAuditFile } from './audit-file.ts';
import { queryAuditFile, type AuditScope } from './audit-query.ts';

/** The audit trail: one JSON line per entry in AUDIT_LOG_FILE. */
export interface AuditLog {
  /** Resolves once the line is on disk (written and fdatasync'ed). */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first; `scope` limits it to the entries of these targets (and those without one). */
  query(q: AuditQuery, scope?: AuditScope): Promise<AuditPage>;
  close(): Promise<void>;
}

/**
 * JSON.stringify escapes every control character, so user text (a username with "\n{...}")
 * cannot start a second line; the serialised entry is one line by construction.
 */
export function auditLine(entry: AuditEntry): string {
  return `${JSON.stringify(entry)}\n`;
}

export function openAuditLog(file: string): AuditLog {
  prepareAuditFile(file);
  const appender = createAuditAppender(file);
  return {
    append: (entry) => appender.append(auditLine(entry)),
    query: (q, scope) => queryAuditFile(file, q, scope),
    close: () => appender.close(),
  };
}
