import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The audit schema, in order; Kysely's migrator records which ran (kysely_migration) and holds a
 * lock while it runs (kysely_migration_lock), so instances starting together migrate once.
 * Migrations live in code, not in a folder, so the bundled server carries them.
 *
 * Each filter of the audit screen has an index that ends in (time, id), so "newest first,
 * filtered" is an index range scan that stops after one page.
 */
export const AUDIT_MIGRATIONS: Record<string, Migration> = {
  '001-audit-entries': {
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE audit_entries (
          id bigserial PRIMARY KEY,
          time timestamptz NOT NULL,
          request_id text NOT NULL,
          username text,
          operation text NOT NULL,
          outcome text NOT NULL,
          target text,
          entry jsonb NOT NULL
        )`.execute(db);
      await sql`CREATE INDEX audit_time ON audit_entries (time DESC, id DESC)`.execute(db);
      for (const column of ['username', 'operation', 'outcome', 'target']) {
        await sql`CREATE INDEX ${sql.raw(`audit_${column}_time`)} ON audit_entries (${sql.ref(column)}, time DESC, id DESC)`.execute(db);
      }
    },
  },
};
