import { mkdtempSync, readFileSync, renameSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditQuery, type AuditEntry } from '@dsc/api-types';
import { ConfigError } from '../config-rules.ts';
import { auditLine, openAuditLog } from './audit-log.ts';
import { queryAuditFile } from './audit-query.ts';

const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  time: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
  requestId: `req-${i}`,
  user: i % 2 === 0 ? 'ada' : 'otto',
  role: i % 2 === 0 ? 'admin' : 'operator',
  sourceAddress: '127.0.0.1',
  operation: i % 3 === 0 ? 'dli.replaceHosts' : 'session.signIn',
  targetIds: {},
  outcome: i % 5 === 0 ? 'failure' : 'success',
  httpStatus: 200,
  ...over,
});

const tempLog = () =>
  path.join(mkdtempSync(path.join(os.tmpdir(), 'audit-')), 'nested', 'dir', 'audit.log');

describe('audit log', () => {
  it("keeps a create's `created` part, reads older entries without it, and filters by target", async () => {
    const log = openAuditLog(tempLog());
    const old = entry(1, { operation: 'dli.createEnhancedConnection', target: 'prod' });
    const made = entry(2, { operation: 'dli.createEnhancedConnection', target: 'prod', created: { id: 'c-new', name: 'sales' } });
    await log.append(old);
    await log.append(made);
    await log.append(entry(3, { target: 'staging' }));
    const page = await log.query(AuditQuery.parse({ target: 'prod' }));
    expect(page).toEqual({ entries: [made, old], total: 2 });
    await log.close();
  });

  it('creates its directory at start and refuses a path it cannot write, naming AUDIT_LOG_FILE', () => {
    const file = tempLog();
    const log = openAuditLog(file);
    expect(readFileSync(file, 'utf8')).toBe('');
    void log.close();
    const blocker = path.join(mkdtempSync(path.join(os.tmpdir(), 'audit-')), 'file');
    writeFileSync(blocker, '');
    expect(() => openAuditLog(path.join(blocker, 'audit.log'))).toThrow(ConfigError);
    expect(() => openAuditLog(path.join(blocker, 'audit.log'))).toThrow(/AUDIT_LOG_FILE/);
  });

  it('one line per entry, even when user text holds newlines', () => {
    const line = auditLine(entry(1, { user: 'x\n{"user":"ada"}\r\n\u2028' }));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\r]/);
    expect(JSON.parse(line).user).toBe('x\n{"user":"ada"}\r\n\u2028');
  });

  it('many concurrent appends each land as one whole line', async () => {
    const file = tempLog();
    const log = openAuditLog(file);
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        log.append(entry(i, { targetIds: { id: 'x'.repeat(i * 10) } })),
      ),
    );
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    expect(new Set(lines.map((l) => (JSON.parse(l) as AuditEntry).requestId)).size).toBe(300);
    await log.close();
  });

  it('follows log rotation: after the file is moved away, a new one is started', async () => {
    const file = tempLog();
    const log = openAuditLog(file);
    await log.append(entry(1));
    renameSync(file, `${file}.1`);
    await log.append(entry(2));
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('req-1');
    expect(readFileSync(file, 'utf8')).toContain('req-2');
    expect(readFileSync(file, 'utf8')).not.toContain('req-1');
    await log.close();
  });

  it('queries newest first with filters, total and paging, skipping torn lines', async () => {
    const file = tempLog();
    const log = openAuditLog(file);
    for (let i = 0; i < 40; i++) await log.append(entry(i));
    appendFileSync(file, '{"time":"2025-01-01T00:00:00.000Z","requestId":"torn"');
    const q = (input: Record<string, string>) => log.query(AuditQuery.parse(input));

    const all = await q({});
    expect(all.total).toBe(40);
    expect(all.entries.map((e) => e.requestId).slice(0, 3)).toEqual(['req-39', 'req-38', 'req-37']);

    const paged = await q({ limit: '5', offset: '10' });
    expect(paged.entries.map((e) => e.requestId)).toEqual([
      'req-29',
      'req-28',
      'req-27',
      'req-26',
      'req-25',
    ]);
    expect(paged.total).toBe(40);

    const ada = await q({ user: 'ada', operation: 'dli.replaceHosts', limit: '500' });
    expect(ada.entries.map((e) => e.requestId)).toEqual([
      'req-36',
      'req-30',
      'req-24',
      'req-18',
      'req-12',
      'req-6',
      'req-0',
    ]);

    const failures = await q({
      outcome: 'failure',
      from: '2025-01-01T00:10:00Z',
      to: '2025-01-01T00:30:00+00:00',
    });
    expect(failures.entries.map((e) => e.requestId)).toEqual([
      'req-30',
      'req-25',
      'req-20',
      'req-15',
      'req-10',
    ]);

    expect(await q({ offset: '100' })).toEqual({ entries: [], total: 40 });
    await log.close();

    // After a restart the torn line is closed off, so the next entry is intact.
    const reopened = openAuditLog(file);
    await reopened.append(entry(99));
    expect((await reopened.query(AuditQuery.parse({ limit: '1' }))).entries[0]!.requestId).toBe(
      'req-99',
    );
    await reopened.close();
  });

  it('the index answers exactly as a full scan of the file, and keeps up with appends and rotation', async () => {
    const file = tempLog();
    const log = openAuditLog(file);
    const queries = [
      {},
      { user: 'ada' },
      { operation: 'session.signIn', outcome: 'success', limit: '7', offset: '3' },
      { user: 'otto', from: '2025-01-01T00:30:00Z', to: '2025-01-01T02:00:00Z' },
      { user: 'nobody' },
      { outcome: 'failure', offset: '20', limit: '5' },
    ];
    const same = async () => {
      for (const input of queries) {
        const q = AuditQuery.parse(input);
        expect(await log.query(q)).toEqual(await queryAuditFile(file, q));
        const scope = new Set(['prod']);
        expect(await log.query(q, scope)).toEqual(await queryAuditFile(file, q, scope));
      }
      const staging = AuditQuery.parse({ target: 'staging' });
      expect(await log.query(staging)).toEqual(await queryAuditFile(file, staging));
    };
    const target = (i: number) => (i % 7 === 0 ? {} : { target: i % 2 === 0 ? 'prod' : 'staging' });
    for (let i = 0; i < 150; i++) await log.append(entry(i, target(i)));
    await same();
    // Appended after the index was built: only the new bytes are read.
    for (let i = 150; i < 180; i++) await log.append(entry(i, target(i)));
    appendFileSync(file, '{"time":"2025-01-01T00:00:00.000Z","requestId":"tor');
    await same();
    expect((await log.query(AuditQuery.parse({}))).total).toBe(180);
    renameSync(file, `${file}.1`);
    await log.append(entry(500));
    expect(await log.query(AuditQuery.parse({}))).toEqual({ entries: [entry(500)], total: 1 });
    await log.close();
  });
});
