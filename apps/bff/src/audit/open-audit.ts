import type { Config } from '../config.ts';
import { openAuditLog, type AuditLog } from './audit-log.ts';
import { openPostgresAuditLog } from './audit-postgres.ts';

/** PostgreSQL when DATABASE_URL is set (several instances, one trail), else the file at AUDIT_LOG_FILE. */
export function openConfiguredAudit(config: Config): AuditLog {
  return config.databaseUrl ? openPostgresAuditLog(config.databaseUrl) : openAuditLog(config.auditLogFile);
}
