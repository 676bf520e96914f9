import type { AuditEntry, AuditPage, AuditQuery } from '@dsc/api-types';
import { createAuditAppender, prepareAuditFile } from './audit-file.ts';
import { createAuditFileIndex } from './audit-file-index.ts';
import type { AuditScope } from './audit-query.ts';

/** The audit trail: one JSON line per entry in AUDIT_LOG_FILE, or a row in PostgreSQL (DATABASE_URL). */
export interface AuditLog {
  /** Resolves once the entry is durable (the line written and fdatasync'ed, or the row committed). */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first; `scope` limits it to the entries of these targets (and those without one). */
  query(q: AuditQuery, scope?: AuditScope): Promise<AuditPage>;
  /** Resolves when the trail can be written (for /readyz); a log without one is always ready. */
  check?(): Promise<void>;
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
  const index = createAuditFileIndex(file);
  return {
    append: (entry) => appender.append(auditLine(entry)),
    query: (q, scope) => index.query(q, scope),
    close: () => appender.close(),
  };
}
