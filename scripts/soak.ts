// Soak: the BFF and the simulator in one process, faults on, a fixed request rate of mixed reads
// and idempotent creates (retried by the client with the same key), for a few minutes. Prints
// errors by kind, duplicated writes (must be 0) and memory at start and end. Not a CI test.
//
//   node --import tsx scripts/soak.ts --minutes 3 --rps 20 [--create-share 0.3] [--double-submit 0.1] [--fault-scale 1]
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildSourceInfo } from '../packages/api-types/src/index.ts';
import { createLogger, createServer, hashPassword, loadConfig, withDemoUpstream } from '../apps/bff/src/index.ts';
import { randomCredentials, startSim, type FaultRule } from '../apps/cloud-sim/src/index.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '3' },
    rps: { type: 'string', default: '20' },
    'create-share': { type: 'string', default: '0.3' },
    'double-submit': { type: 'string', default: '0.1' },
    'fault-scale': { type: 'string', default: '1' },
  },
});
const MINUTES = Number(values.minutes);
const RPS = Number(values.rps);
const CREATE_SHARE = Number(values['create-share']);
/** Share of submissions sent twice at once with the same key (a double click, two tabs). */
const DOUBLE_SUBMIT = Number(values['double-submit']);
const FAULT_SCALE = Number(values['fault-scale']);
if (!(MINUTES > 0) || !(RPS > 0) || !(CREATE_SHARE >= 0 && CREATE_SHARE <= 1) || !(DOUBLE_SUBMIT >= 0 && DOUBLE_SUBMIT <= 1) || !(FAULT_SCALE >= 0)) {
  console.error('usage: node --import tsx scripts/soak.ts --minutes 3 --rps 20 [--create-share 0.3] [--double-submit 0.1] [--fault-scale 1]');
  process.exit(2);
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
function memory(): { heapUsed: number; rss: number } {
  for (let i = 0; i < 3; i++) gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}

const p = (probability: number) => Math.min(1, probability * FAULT_SCALE);
/** A random mix: 5xx bursts, throttling, resets, cut-off and non-JSON answers, latency past the timeouts. */
const FAULTS: FaultRule[] = [
  { service: 'dli', status: 503, probability: p(0.05) },
  { service: 'dli', kind: 'reset', probability: p(0.03) },
  { operation: 'dli.createEnhancedConnection', kind: 'truncate', probability: p(0.05) },
  { operation: 'dli.createEnhancedConnection', latencyMs: 5_000, probability: p(0.02) },
  { operation: 'dli.createEnhancedConnection', status: 500, probability: p(0.03) },
  { service: 'mrs', status: 500, probability: p(0.03) },
  { service: 'mrs', kind: 'non-json', status: 502, probability: p(0.03) },
  { operation: 'mrs.createDataConnector', kind: 'truncate', probability: p(0.05) },
  { service: 'dws', status: 429, retryAfter: 1, probability: p(0.04) },
  { service: 'dws', latencyMs: 3_500, probability: p(0.02) },
  { service: 'dws', kind: 'truncate', probability: p(0.02) },
];

interface Answer {
  status: number;
  code: string;
  replayed: boolean;
  recovered: boolean;
  ms: number;
  json: unknown;
}

async function main(): Promise<void> {
  const credentials = randomCredentials();
  const sim = await startSim({ credentials: [credentials], seed: 11, timing: { mode: 'immediate' } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dsc-soak-'));
  const password = randomBytes(12).toString('base64url');
  const usersFile = path.join(dir, 'users.json');
  writeFileSync(usersFile, JSON.stringify([{ username: 'soak', role: 'operator', passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }) }]));
  const config = withDemoUpstream(
    loadConfig({
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      CONSOLE_USERS_FILE: usersFile,
      AUDIT_LOG_FILE: path.join(dir, 'audit.log'),
      WEB_DIST_DIR: dir,
      UPSTREAM_READ_TIMEOUT_MS: '3000',
      UPSTREAM_WRITE_TIMEOUT_MS: '4000',
      LOG_LEVEL: 'silent',
    }),
    { credentials, projectId: sim.projectId, endpoint: sim.url },
  );
  const bff = createServer(config, { logger: createLogger('silent') });
  const server = http.createServer(bff.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'x-csrf': '1', 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'soak', password }),
  });
  const cookie = /dsc_session=([^;]+)/.exec(signIn.headers.getSetCookie().join(';'))?.[1];
  if (signIn.status !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

  async function call(method: string, p_: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const started = performance.now();
    try {
      const res = await fetch(base + p_, {
        method,
        headers: { 'x-csrf': '1', cookie: `dsc_session=${cookie}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const code = res.status < 400 ? 'ok' : ((json as { error?: { code?: string } })?.error?.code ?? `HTTP ${res.status}`);
      return {
        status: res.status,
        code,
        replayed: res.headers.get('idempotent-replayed') === 'true',
        recovered: res.headers.get('idempotent-recovered') === 'true',
        ms: performance.now() - started,
        json,
      };
    } catch (err) {
      return { status: 0, code: `client: ${(err as Error).name}`, replayed: false, recovered: false, ms: performance.now() - started, json: undefined };
    }
  }

  // Warm up (pools, JIT), then the baseline.
  for (let i = 0; i < 20; i++) await call('GET', '/api/dli/queues');
  const someConnection = ((await call('GET', '/api/dli/enhanced-connections?limit=20')).json as { connections: { id: string }[] }).connections.map((c) => c.id);
  const createsBefore = sim.control.stats().creates;
  const memStart = memory();

  sim.control.faults.replace(FAULTS);
  const runId = randomBytes(3).toString('hex');
  const readErrors = new Map<string, number>();
  const createErrors = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const readMs: number[] = [];
  const createMs: number[] = [];
  let reads = 0;
  let readsOk = 0;
  let createTasks = 0;
  let createAttempts = 0;
  let replayed = 0;
  let recovered = 0;
  let doubles = 0;
  const succeeded = { dli: new Set<string>(), mrs: new Set<string>() };
  const gaveUp: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let seq = 0;

  const READS: (() => string)[] = [
    () => '/api/dli/enhanced-connections?limit=20',
    () => '/api/dli/queues?queue_type=all',
    () => '/api/mrs/data-connectors?limit=50',
    () => '/api/dws/clusters',
    () => `/api/dli/enhanced-connections/${someConnection[seq % someConnection.length]}`,
  ];

  async function oneRead(): Promise<void> {
    const r = await call('GET', READS[seq % READS.length]!());
    reads += 1;
    readMs.push(r.ms);
    if (r.status === 200) readsOk += 1;
    else bump(readErrors, r.code);
  }

  /** One form submission: the same key until it succeeds, as the web form does. */
  async function oneCreate(): Promise<void> {
    createTasks += 1;
    const n = seq;
    const key = randomUUID();
    const dli = n % 4 !== 0;
    const name = dli ? `soak_${runId}_${n}` : `soak-${runId}-${n}`;
    const [target, body] = dli
      ? ['/api/dli/enhanced-connections', { name, dest_vpc_id: 'vpc-soak', dest_network_id: 'subnet-soak' }]
      : [
          '/api/mrs/data-connectors',
          {
            data_connector: {
              connector_name: name,
              source_type: 'RDS_MYSQL',
              source_info: buildSourceInfo({ db_name: 'soak', user_name: 'soak', password: 'Soak-Pw-1', rds_instance_id: 'rds-soak' }),
            },
          },
        ];
    const send = async () => {
      createAttempts += 1;
      const r = await call('POST', target, body, { 'idempotency-key': key });
      createMs.push(r.ms);
      if (r.replayed) replayed += 1;
      if (r.recovered) recovered += 1;
      return r;
    };
    for (let attempt = 1; attempt <= 12; attempt++) {
      let r: Answer;
      if (attempt === 1 && Math.random() < DOUBLE_SUBMIT) {
        // Sent twice at once: one runs, the other waits for it (replay) or hears it is in progress.
        doubles += 1;
        const [a, b] = await Promise.all([send(), send()]);
        if (b.status >= 400) bump(createErrors, `${b.code} (double submit)`);
        r = a.status < 400 ? a : b;
      } else {
        r = await send();
      }
      if (r.status === 200 || r.status === 201) {
        (dli ? succeeded.dli : succeeded.mrs).add(key);
        return;
      }
      bump(createErrors, r.code);
      if (r.status >= 400 && r.status < 500 && r.status !== 409 && r.status !== 429) break;
      await new Promise((res) => setTimeout(res, Math.min(8_000, 250 * 2 ** attempt)));
    }
    gaveUp.push(name);
  }

  const t0 = Date.now();
  const endAt = t0 + MINUTES * 60_000;
  const interval = 1000 / RPS;
  let next = performance.now();
  let lastReport = t0;
  console.log(`soak: ${MINUTES} min at ${RPS} req/s (${Math.round(CREATE_SHARE * 100)}% creates), ${FAULTS.length} fault rules on`);
  while (Date.now() < endAt) {
    seq += 1;
    const task = Math.random() < CREATE_SHARE ? oneCreate() : oneRead();
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    next += interval;
    const wait = next - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (Date.now() - lastReport >= 30_000) {
      lastReport = Date.now();
      console.log(
        `  ${Math.round((Date.now() - t0) / 1000)} s: ${reads} reads (${readsOk} ok), ${createTasks} creates (${succeeded.dli.size + succeeded.mrs.size} done), in flight ${inFlight.size}, rss ${mb(process.memoryUsage().rss)}`,
      );
    }
  }
  const sendingSeconds = (Date.now() - t0) / 1000;
  // Faults off, then let every create finish its retries.
  sim.control.faults.replace([]);
  await Promise.all([...inFlight]);

  const createsAfter = sim.control.stats().creates;
  const made = {
    dli: createsAfter.enhancedConnections - createsBefore.enhancedConnections,
    mrs: createsAfter.dataConnectors - createsBefore.dataConnectors,
  };
  const duplicated = made.dli - succeeded.dli.size + (made.mrs - succeeded.mrs.size);
  const faultsApplied = sim.control.stats().faultsApplied;

  // Quiet, then the end measurement.
  await new Promise((r) => setTimeout(r, 1000));
  const memEnd = memory();
  const pct = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]!) : 0;
  };
  const table = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `    ${k.padEnd(28)} ${v}`).join('\n') || '    (none)';

  console.log(`
== soak result (${sendingSeconds.toFixed(0)} s of sending at ${RPS} req/s; ${seq} requests started, ${faultsApplied} faults injected)
reads:   ${reads} sent, ${readsOk} ok, ${reads - readsOk} failed after the BFF's retries   p50 ${pct(readMs, 0.5)} ms  p95 ${pct(readMs, 0.95)} ms  p99 ${pct(readMs, 0.99)} ms
  errors by kind (reads):
${table(readErrors)}
creates: ${createTasks} submissions (${doubles} sent twice at once; ${createAttempts} attempts), ${succeeded.dli.size + succeeded.mrs.size} succeeded, ${gaveUp.length} gave up; ${replayed} answers replayed, ${recovered} recovered by lookup   p50 ${pct(createMs, 0.5)} ms  p95 ${pct(createMs, 0.95)} ms
  errors by kind (create attempts, each retried with its key):
${table(createErrors)}
simulator creations: DLI ${made.dli} for ${succeeded.dli.size} succeeded keys, MRS ${made.mrs} for ${succeeded.mrs.size} succeeded keys
duplicated writes: ${duplicated}
memory: start heap ${mb(memStart.heapUsed)} rss ${mb(memStart.rss)}; end heap ${mb(memEnd.heapUsed)} rss ${mb(memEnd.rss)} (after GC)
`);

  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  await bff.close();
  await sim.close();
  process.exit(duplicated === 0 && gaveUp.length === 0 ? 0 : 1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
