import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '@dsc/api-types';
import { startHarness, type Harness } from './harness.ts';
import { startPostgres, type RunningPostgres } from './postgres-server.ts';
import { startRedis, type RunningRedis } from './redis-server.ts';

// One instance with REDIS_URL and DATABASE_URL: the audit trail in PostgreSQL, and /readyz
// saying whether each shared store answers.
let redis: RunningRedis;
let db: RunningPostgres;
let h: Harness;
beforeAll(async () => {
  [redis, db] = await Promise.all([startRedis(), startPostgres()]);
  h = await startHarness({ env: { REDIS_URL: redis.url, DATABASE_URL: db.url }, readinessCacheMs: 0, signInAs: 'admin' });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await redis?.stop();
  await db?.stop();
});

const readyz = async () => {
  const res = await fetch(`${h.bffUrl}/readyz`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as { status: string; dependencies?: Record<string, { ok: boolean; error?: string }> } };
};

describe('with REDIS_URL and DATABASE_URL', () => {
  it('writes the audit trail to PostgreSQL and reads it back on the audit screen', async () => {
    const name = `ready_${Date.now()}`;
    const created = await h.call('POST', '/api/dli/enhanced-connections', {
      body: { name, dest_vpc_id: 'vpc-1', dest_network_id: 'net-1' },
      headers: { 'idempotency-key': `key-${name}` },
    });
    expect(created.status).toBe(200);
    const page = (await h.call('GET', '/api/audit?operation=dli.createEnhancedConnection')).json as AuditPage;
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({ user: h.users.admin.username, outcome: 'success', httpStatus: 200 });
    const signIns = (await h.call('GET', '/api/audit?operation=session.signIn')).json as AuditPage;
    expect(signIns.total).toBe(1);
  });

  it('/readyz names each shared store and fails while one is unreachable, without naming where it is', async () => {
    const up = await readyz();
    expect(up.status).toBe(200);
    expect(up.body.dependencies).toMatchObject({ redis: { ok: true }, postgres: { ok: true } });

    const port = Number(new URL(redis.url).port);
    await redis.stop();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('degraded');
    expect(down.body.dependencies?.redis?.ok).toBe(false);
    expect(down.body.dependencies?.postgres?.ok).toBe(true);
    for (const s of [String(port), String(db.port), '127.0.0.1', 'postgres://']) expect(down.text).not.toContain(s);

    redis = await startRedis(port);
    await new Promise((r) => setTimeout(r, 300));
    let back = await readyz();
    for (let i = 0; i < 20 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 200));
      back = await readyz();
    }
    expect(back.status).toBe(200);

    h.drain();
    expect((await readyz()).body.status).toBe('draining');
  });
});
