import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditQuery, type AuditEntry } from '@dsc/api-types';
import { openPostgresAuditLog } from '../src/audit/audit-postgres.ts';
import { startPostgres, type RunningPostgres } from './postgres-server.ts';

const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  time: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
  requestId: `req-${i}`,
  user: i % 2 === 0 ? 'ada' : 'otto',
  role: i % 2 === 0 ? 'admin' : 'operator',
  sourceAddress: '127.0.0.1',
  operation: i % 3 === 0 ? 'dli.replaceHosts' : 'session.signIn',
  targetIds: { connection_id: `c-${i}` },
  outcome: i % 5 === 0 ? 'failure' : 'success',
  httpStatus: i % 5 === 0 ? 502 : 200,
  ...(i % 5 === 0 ? { errorCode: 'UPSTREAM_ERROR', upstream: { status: 502, code: 'DLI.0999' } } : {}),
  ...over,
});

let db: RunningPostgres;
beforeAll(async () => {
  db = await startPostgres();
}, 60_000);
afterAll(async () => {
  await db?.stop();
});

describe('audit trail in PostgreSQL', () => {
  it('instances starting together migrate the schema once, and their entries land in one trail', async () => {
    const logs = [0, 1, 2].map(() => openPostgresAuditLog(db.url));
    await Promise.all(logs.map((l) => l.check()));
    await Promise.all(Array.from({ length: 40 }, (_, i) => logs[i % 3]!.append(entry(i))));
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const migrations = await client.query('SELECT name FROM kysely_migration');
    expect(migrations.rows.map((r: { name: string }) => r.name)).toEqual(['001-audit-entries', '002-audit-daily-counts']);
    const indexes = await client.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'audit_entries' ORDER BY indexname`);
    expect(indexes.rows.map((r: { indexname: string }) => r.indexname)).toEqual([
      'audit_entries_pkey',
      'audit_operation_time',
      'audit_outcome_time',
      'audit_target_time',
      'audit_time',
      'audit_username_time',
    ]);
    await client.end();

    const q = (input: Record<string, string>) => logs[1]!.query(AuditQuery.parse(input));
    const all = await q({});
    expect(all.total).toBe(40);
    expect(all.entries.map((e) => e.requestId).slice(0, 3)).toEqual(['req-39', 'req-38', 'req-37']);
    // The whole entry comes back as written.
    expect(all.entries.find((e) => e.requestId === 'req-35')).toEqual(entry(35));

    const paged = await q({ limit: '5', offset: '10' });
    expect(paged.entries.map((e) => e.requestId)).toEqual(['req-29', 'req-28', 'req-27', 'req-26', 'req-25']);
    expect(paged.total).toBe(40);

    const ada = await q({ user: 'ada', operation: 'dli.replaceHosts', limit: '500' });
    expect(ada.entries.map((e) => e.requestId)).toEqual(['req-36', 'req-30', 'req-24', 'req-18', 'req-12', 'req-6', 'req-0']);
    expect(ada.total).toBe(7);

    const failures = await q({ outcome: 'failure', from: '2025-01-01T00:10:00Z', to: '2025-01-01T00:30:00+00:00' });
    expect(failures.entries.map((e) => e.requestId)).toEqual(['req-30', 'req-25', 'req-20', 'req-15', 'req-10']);
    expect(await q({ offset: '100' })).toEqual({ entries: [], total: 40 });
    // Filter values are parameters, never SQL.
    expect(await q({ user: "ada' OR '1'='1" })).toEqual({ entries: [], total: 0 });
    await Promise.all(logs.map((l) => l.close()));
  });

  it('an unreachable database fails the append (so the answer is withheld) and check(), and both recover', async () => {
    const bad = openPostgresAuditLog('postgres://postgres@127.0.0.1:1/postgres');
    await expect(bad.append(entry(1))).rejects.toThrow();
    await expect(bad.check()).rejects.toThrow();
    await bad.close();
    const good = openPostgresAuditLog(db.url);
    await good.append(entry(100));
    await good.check();
    expect((await good.query(AuditQuery.parse({ limit: '1' }))).entries[0]!.requestId).toBe('req-100');
    await good.close();
  });

  it('totals from the daily counts agree with counting the rows, for ranges that cut days anywhere', async () => {
    const log = openPostgresAuditLog(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('TRUNCATE audit_entries');
    await client.query('TRUNCATE audit_daily_counts');
    const HOUR = 3_600_000;
    const base = Date.UTC(2025, 5, 1, 3, 17);
    const many = Array.from({ length: 60 }, (_, i) => entry(i, { time: new Date(base + i * 7 * HOUR + (i % 3) * 1000).toISOString() }));
    await Promise.all(many.map((e) => log.append(e)));
    const iso = (ms: number) => new Date(ms).toISOString();
    const ranges: Array<[number | undefined, number | undefined]> = [
      [undefined, undefined],
      [base, undefined],
      [undefined, base + 100 * HOUR],
      [base + 5 * HOUR, base + 200 * HOUR],
      [Date.UTC(2025, 5, 2), Date.UTC(2025, 5, 5) - 1],
      [Date.UTC(2025, 5, 2), Date.UTC(2025, 5, 5)],
      [base + 30 * HOUR, base + 33 * HOUR],
      [base + 7 * HOUR, base + 7 * HOUR],
    ];
    for (const [from, to] of ranges) {
      for (const filter of [{}, { user: 'ada' }, { outcome: 'failure' }, { user: 'otto', operation: 'session.signIn' }]) {
        const input = { ...filter, ...(from !== undefined ? { from: iso(from) } : {}), ...(to !== undefined ? { to: iso(to) } : {}) };
        const expected = many.filter(
          (e) =>
            Object.entries(filter).every(([k, v]) => e[k as keyof AuditEntry] === v) &&
            (from === undefined || Date.parse(e.time) >= from) &&
            (to === undefined || Date.parse(e.time) <= to),
        ).length;
        expect((await log.query(AuditQuery.parse(input))).total, JSON.stringify(input)).toBe(expected);
      }
    }
    await client.end();
    await log.close();
  });

  it('a reader limited to some targets sees only those and the entries without a target; `target` filters', async () => {
    const log = openPostgresAuditLog(db.url);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query('TRUNCATE audit_entries');
    await client.query('TRUNCATE audit_daily_counts');
    await client.end();
    const targets = [undefined, 'prod', 'staging'] as const;
    for (let i = 0; i < 30; i++) {
      const t = targets[i % 3];
      await log.append(entry(i, t ? { target: t } : {}));
    }
    const scoped = await log.query(AuditQuery.parse({ limit: '500' }), new Set(['prod']));
    expect(scoped.total).toBe(20);
    expect(new Set(scoped.entries.map((e) => e.target))).toEqual(new Set([undefined, 'prod']));
    const staging = await log.query(AuditQuery.parse({ target: 'staging', limit: '500' }));
    expect(staging.total).toBe(10);
    expect(staging.entries.every((e) => e.target === 'staging')).toBe(true);
    await log.close();
  });

  it("keeps a create's `created` part, and reads entries written before it existed", async () => {
    const log = openPostgresAuditLog(db.url);
    const old = entry(900, { operation: 'dli.createEnhancedConnection', target: 'history' });
    const made = entry(901, { operation: 'dli.createEnhancedConnection', target: 'history', created: { id: 'c-new', name: 'sales' } });
    await log.append(old);
    await log.append(made);
    const page = await log.query(AuditQuery.parse({ target: 'history' }));
    expect(page.entries).toEqual([made, old]);
    await log.close();
  });
});
