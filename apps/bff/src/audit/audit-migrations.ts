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
  '002-audit-daily-counts': {
    // Totals for the audit screen without counting up to a million rows per page: per UTC day,
    // the number of entries in all and per value of each filter. Kept by a trigger in the
    // inserting transaction, so they never disagree with the rows.
    async up(db: Kysely<unknown>) {
      await sql`
        CREATE TABLE audit_daily_counts (
          day date NOT NULL,
          dim text NOT NULL,
          value text NOT NULL,
          n bigint NOT NULL,
          PRIMARY KEY (dim, value, day)
        )`.execute(db);
      await sql`
        CREATE FUNCTION audit_count_entry() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE d date := (NEW.time AT TIME ZONE 'UTC')::date;
        BEGIN
          INSERT INTO audit_daily_counts (day, dim, value, n)
          SELECT d, x.dim, x.value, 1
          FROM (VALUES ('all', ''), ('username', NEW.username), ('operation', NEW.operation),
                       ('outcome', NEW.outcome), ('target', NEW.target)) AS x(dim, value)
          WHERE x.value IS NOT NULL
          ON CONFLICT (dim, value, day) DO UPDATE SET n = audit_daily_counts.n + 1;
          RETURN NULL;
        END $$`.execute(db);
      await sql`CREATE TRIGGER audit_count AFTER INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_count_entry()`.execute(db);
      await sql`
        INSERT INTO audit_daily_counts (day, dim, value, n)
        SELECT (time AT TIME ZONE 'UTC')::date, x.dim, x.value, count(*)
        FROM audit_entries,
          LATERAL (VALUES ('all', ''), ('username', username), ('operation', operation),
                          ('outcome', outcome), ('target', target)) AS x(dim, value)
        WHERE x.value IS NOT NULL
        GROUP BY 1, 2, 3`.execute(db);
    },
  },
};
