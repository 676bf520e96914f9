import { Kysely, PostgresDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { AuditEntry, type AuditPage, type AuditQuery } from '@dsc/api-types';
import type { AuditLog } from './audit-log.ts';
import type { AuditScope } from './audit-query.ts';
import { AUDIT_MIGRATIONS } from './audit-migrations.ts';

/** The fields the lead's fleet work adds to entries and queries, read without depending on them yet. */
const targetOf = (x: object): string | undefined => {
  const t = (x as { target?: unknown }).target;
  return typeof t === 'string' ? t : undefined;
};

export interface PostgresAuditLog extends AuditLog {
  /** Resolves when the database answers and the schema is current; rejects otherwise. */
  check(): Promise<void>;
}

/**
 * The audit trail in PostgreSQL (DATABASE_URL): one row per entry, inserted (and committed)
 * before the request is answered. The whole entry is kept as jsonb, so the entry shape can grow
 * without a migration; the filtered columns are copied out and indexed. The schema is migrated
 * on first use and retried until it succeeds, so an instance that starts before the database
 * is reachable answers /readyz 503 until it is, rather than exiting.
 */
export function openPostgresAuditLog(url: string, opts: { max?: number } = {}): PostgresAuditLog {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle client whose server went away emits 'error'; the next query reconnects.
  pool.on('error', () => {});
  let migrated: Promise<void> | undefined;

  function ready(): Promise<void> {
    migrated ??= (async () => {
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
      try {
        const { error } = await new Migrator({
          db,
          provider: { getMigrations: () => Promise.resolve(AUDIT_MIGRATIONS) },
        }).migrateToLatest();
        if (error) throw error instanceof Error ? error : new Error(String(error));
      } finally {
        await db.destroy();
      }
    })().catch((err: unknown) => {
      migrated = undefined;
      throw err;
    });
    return migrated;
  }

  async function rowCountWhere(filter: string, args: unknown[]): Promise<number> {
    const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_entries ${filter}`, args);
    return Number(r.rows[0]?.n ?? 0);
  }

  /**
   * The total for a page (a reader limited to some targets gets the rows counted instead). With at most one filter, whole UTC days come from audit_daily_counts
   * and only the partial days at the ends of a time range are counted row by row; with several
   * filters the rows are counted (through the index of the first one).
   */
  async function countMatching(q: AuditQuery): Promise<number> {
    const filters = (
      [
        ['username', q.user],
        ['operation', q.operation],
        ['outcome', q.outcome],
        ['target', targetOf(q)],
      ] as const
    ).filter(([, v]) => v !== undefined) as Array<readonly [string, string]>;
    const rowCount = async (from: string | undefined, to: string | undefined, toExclusive = false) => {
      const where: string[] = [];
      const args: unknown[] = [];
      for (const [col, v] of filters) {
        args.push(v);
        where.push(`${col} = $${args.length}`);
      }
      if (from) {
        args.push(from);
        where.push(`time >= $${args.length}`);
      }
      if (to) {
        args.push(to);
        where.push(`time ${toExclusive ? '<' : '<='} $${args.length}`);
      }
      const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, args);
      return Number(r.rows[0]?.n ?? 0);
    };
    if (filters.length > 1) return rowCount(q.from, q.to);
    const [dim, value] = filters[0] ?? ['all', ''];
    const DAY = 86_400_000;
    const from = q.from ? Date.parse(q.from) : undefined;
    const to = q.to ? Date.parse(q.to) : undefined;
    // Whole days inside [from, to]: [firstDay, endDay).
    const firstDay = from === undefined ? undefined : Math.ceil(from / DAY) * DAY;
    const endDay = to === undefined ? undefined : Math.floor((to + 1) / DAY) * DAY;
    if (firstDay !== undefined && endDay !== undefined && endDay <= firstDay) return rowCount(q.from, q.to);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const args: unknown[] = [dim, value];
    const range: string[] = [];
    if (firstDay !== undefined) {
      args.push(day(firstDay));
      range.push(`day >= $${args.length}`);
    }
    if (endDay !== undefined) {
      args.push(day(endDay));
      range.push(`day < $${args.length}`);
    }
    const iso = (ms: number) => new Date(ms).toISOString();
    const [whole, head, tail] = await Promise.all([
      pool.query<{ n: string | null }>(
        `SELECT sum(n) AS n FROM audit_daily_counts WHERE dim = $1 AND value = $2 ${range.map((r) => `AND ${r}`).join(' ')}`,
        args,
      ),
      from !== undefined && firstDay! > from ? rowCount(q.from, iso(firstDay!), true) : Promise.resolve(0),
      to !== undefined && endDay! <= to ? rowCount(iso(endDay!), q.to) : Promise.resolve(0),
    ]);
    return Number(whole.rows[0]?.n ?? 0) + head + tail;
  }

  return {
    async append(entry) {
      await ready();
      await pool.query(
        'INSERT INTO audit_entries (time, request_id, username, operation, outcome, target, entry) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [entry.time, entry.requestId, entry.user, entry.operation, entry.outcome, targetOf(entry) ?? null, JSON.stringify(entry)],
      );
    },
    async query(q: AuditQuery, scope?: AuditScope): Promise<AuditPage> {
      await ready();
      const where: string[] = [];
      const args: unknown[] = [];
      const add = (clause: string, value: unknown) => {
        args.push(value);
        where.push(clause.replace('?', `$${args.length}`));
      };
      if (q.user !== undefined) add('username = ?', q.user);
      if (q.operation !== undefined) add('operation = ?', q.operation);
      if (q.outcome !== undefined) add('outcome = ?', q.outcome);
      const target = targetOf(q);
      if (target !== undefined) add('target = ?', target);
      if (q.from) add('time >= ?', q.from);
      if (q.to) add('time <= ?', q.to);
      if (scope !== undefined) add('(target IS NULL OR target = ANY(?))', [...scope]);
      const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const n = args.length;
      const [rows, total] = await Promise.all([
        pool.query<{ entry: unknown }>(
          `SELECT entry FROM audit_entries ${filter} ORDER BY time DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
          [...args, q.limit, q.offset],
        ),
        scope === undefined ? countMatching(q) : rowCountWhere(filter, args),
      ]);
      const entries = rows.rows.flatMap((r) => {
        const parsed = AuditEntry.safeParse(r.entry);
        return parsed.success ? [parsed.data] : [];
      });
      return { entries, total };
    },
    async check() {
      await ready();
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
