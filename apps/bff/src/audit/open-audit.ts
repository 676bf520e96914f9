import type { Config } from '../config.ts';
import { whenLoaded } from '../when-loaded.ts';
import { openAuditLog, type AuditLog } from './audit-log.ts';
import type { PostgresAuditLog } from './audit-postgres.ts';

/**
 * PostgreSQL when DATABASE_URL is set (several instances, one trail), else the file at
 * AUDIT_LOG_FILE. pg and Kysely are imported only then: a start without a database does not
 * parse them (decision 020).
 */
export function openConfiguredAudit(config: Config): AuditLog {
  const url = config.databaseUrl;
  if (!url) return openAuditLog(config.auditLogFile);
  return whenLoaded<PostgresAuditLog>(
    import('./audit-postgres.ts').then((m) => m.openPostgresAuditLog(url)),
    ['append', 'query', 'check', 'close'],
  );
}
