// Hostile load (issue 18): /healthz latency while hostile request bodies are in flight, against
// /healthz at rest in the same run (the baseline); and the BFF's RSS while clients that asked for
// a large answer never read it, before and after RESPONSE_SEND_TIMEOUT_MS disconnects them.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startBffChild, type BffChild } from './lib/bff-child.ts';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { fmtMiB, fmtMs, median, percentile, ratio } from './lib/stats.ts';

const HOSTILE_IN_FLIGHT = 8;
const HOSTILE_WINDOW_MS = 6_000;
const READERS = 20;
const ANSWER_BYTES = 20 * 1024 * 1024;
const SEND_TIMEOUT_MS = 3_000;

const base = { name: 'hostile_1', dest_vpc_id: 'vpc-1', dest_network_id: 'subnet-1' };
/** The probe's bodies: ~8 million numbers gzipped; a 2-million-entry array; 100,000-deep nesting; 20,000 hosts with one bad name. */
function hostileBodies(): Array<{ name: string; method: string; path: string; body: Buffer; headers: Record<string, string> }> {
  const flat = gzipSync(Buffer.from(`{"name":"x","dest_vpc_id":"v","dest_network_id":"n","hosts":[${'0,'.repeat(8_000_000)}0]}`));
  const long = Buffer.from(`{"hosts":[${'0,'.repeat(2_000_000)}0]}`);
  const deep = Buffer.from(`{"hosts":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
  const hosts = Array.from({ length: 20_000 }, (_, i) => ({ name: `h${'x'.repeat(100)}${i}`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
  hosts[19_999] = { name: '9bad', ip: '10.0.0.1' };
  const heavy = Buffer.from(JSON.stringify({ ...base, hosts }));
  return [
    { name: 'gzip bomb (16 MB of numbers, 16 kB sent)', method: 'POST', path: '/api/dli/enhanced-connections', body: flat, headers: { 'content-encoding': 'gzip' } },
    { name: '2,000,001-entry array', method: 'PUT', path: '/api/dli/enhanced-connections/c1', body: long, headers: {} },
    { name: '100,000-deep nesting', method: 'PUT', path: '/api/dli/enhanced-connections/c1', body: deep, headers: {} },
    { name: '20,000 hosts of 100+ characters, last one invalid', method: 'PUT', path: '/api/dli/enhanced-connections/c1', body: heavy, headers: {} },
  ];
}

function send(url: string, cookie: string, b: ReturnType<typeof hostileBodies>[number]): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const req = http.request(
      { host: u.hostname, port: u.port, method: b.method, path: b.path, headers: { cookie, 'x-csrf': '1', 'content-type': 'application/json', 'content-length': b.body.length, ...b.headers } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(b.body);
  });
}

async function healthzSeries(url: string, untilMs: number): Promise<number[]> {
  const out: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const u = new URL(url);
  while (performance.now() < untilMs) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      http.get({ host: u.hostname, port: u.port, path: '/healthz', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      }).on('error', reject);
    });
    out.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  agent.destroy();
  return out;
}

async function signInAs(bff: BffChild, role: string): Promise<string | undefined> {
  const user = bff.users.find((u) => u.role === role);
  if (!user) return undefined;
  const res = await fetch(`${bff.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf': '1' }, body: JSON.stringify({ username: user.username, password: user.password }) });
  await res.arrayBuffer();
  return res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.includes('dsc_session'));
}

export async function runHostileLoad(settings: BenchSettings): Promise<Section> {
  void settings;
  const s = new SectionBuilder('hostile-load', '11. Hostile load: bodies and slow readers');
  const dir = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
  // One upstream for everything: a 20 MiB list answer (hostile bodies never reach it).
  const answer = Buffer.from(`{"is_success":true,"queues":[],"pad":"${'a'.repeat(ANSWER_BYTES - 64)}"}`);
  const upstream = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': answer.length });
    res.end(answer);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const bff = await startBffChild({
    dir,
    logLevel: 'warn',
    upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`,
    projectId: '0'.repeat(32),
    env: { RESPONSE_SEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS) },
  });
  const sockets: net.Socket[] = [];
  try {
    const cookie = await signInAs(bff, 'operator');
    if (!cookie) return s.skip('no operator demo user to sign in as').build();

    // 1. /healthz at rest, then with hostile bodies in flight (each slot sends again as soon as it is answered).
    const rest = await healthzSeries(bff.url, performance.now() + 3_000);
    const bodies = hostileBodies();
    const statuses = new Map<string, Set<number>>();
    const stopAt = performance.now() + HOSTILE_WINDOW_MS;
    let sent = 0;
    const slots = Array.from({ length: HOSTILE_IN_FLIGHT }, async (_, i) => {
      for (let k = i; performance.now() < stopAt; k += HOSTILE_IN_FLIGHT) {
        const b = bodies[k % bodies.length]!;
        const status = await send(bff.url, cookie, b);
        sent++;
        if (!statuses.has(b.name)) statuses.set(b.name, new Set());
        statuses.get(b.name)!.add(status);
      }
    });
    const busy = await healthzSeries(bff.url, stopAt);
    await Promise.all(slots);
    s.line(`/healthz every 20 ms from one keep-alive client; ${HOSTILE_IN_FLIGHT} connections sending the probe's hostile bodies back to back for ${HOSTILE_WINDOW_MS / 1000} s (${sent} sent).`, '');
    s.table(
      ['/healthz', 'samples', 'p50', 'p95', 'max', 'p95 vs at rest'],
      [
        ['at rest (baseline)', String(rest.length), fmtMs(median(rest)), fmtMs(percentile(rest, 95)), fmtMs(Math.max(...rest)), '1.00×'],
        ['hostile bodies in flight', String(busy.length), fmtMs(median(busy)), fmtMs(percentile(busy, 95)), fmtMs(Math.max(...busy)), `${ratio(percentile(busy, 95), percentile(rest, 95)).toFixed(2)}×`],
      ],
    );
    s.table(['hostile body', 'answers'], [...statuses].map(([name, st]) => [name, [...st].sort().join(', ')]));
    s.target('/healthz with hostile bodies in flight', 'p95 < 500 ms', fmtMs(percentile(busy, 95)) + ' p95', percentile(busy, 95) < 500);

    // 2. RSS with clients that never read a 20 MiB answer.
    const idle = (await bff.memory()).afterGc ?? (await bff.memory()).before;
    const u = new URL(bff.url);
    for (let i = 0; i < READERS; i++) {
      const sock = net.connect(Number(u.port), u.hostname);
      sock.pause();
      sock.on('error', () => {});
      sock.write(`GET /api/dli/queues HTTP/1.1\r\nHost: x\r\nX-CSRF: 1\r\nCookie: ${cookie}\r\n\r\n`);
      sockets.push(sock);
    }
    // Sampled until well past the send timeout: the peak is while answers are held.
    let peak = idle;
    const until = performance.now() + SEND_TIMEOUT_MS * 2 + 12_000;
    while (performance.now() < until) {
      const m = (await bff.memory()).before;
      if (m.rss > peak.rss) peak = m;
      await new Promise((r) => setTimeout(r, 500));
    }
    const after = await bff.memory();
    const final = after.afterGc ?? after.before;
    s.line(`${READERS} raw connections each ask for a ${fmtMiB(ANSWER_BYTES)} list answer and never read; RESPONSE_SEND_TIMEOUT_MS=${SEND_TIMEOUT_MS}; memory sampled every 0.5 s for ${(SEND_TIMEOUT_MS * 2 + 12_000) / 1000} s. Buffers count as \`external\`.`, '');
    s.table(
      ['BFF memory', 'RSS', 'external (buffers)', 'heap used'],
      [
        ['idle, after gc (baseline)', fmtMiB(idle.rss), fmtMiB(idle.external), fmtMiB(idle.heapUsed)],
        ['peak while answers are held', fmtMiB(peak.rss), fmtMiB(peak.external), fmtMiB(peak.heapUsed)],
        ['after the send timeout disconnected them, after gc', fmtMiB(final.rss), fmtMiB(final.external), fmtMiB(final.heapUsed)],
      ],
    );
    s.target('answers freed after the send timeout', `external after gc < idle + 50 MiB (${fmtMiB(idle.external + 50 * 1024 * 1024)})`, fmtMiB(final.external), final.external < idle.external + 50 * 1024 * 1024);
    s.note('RSS after gc can stay above idle: the allocator keeps freed pages; `external` is what the held answers took and gave back.');
    return s.build();
  } finally {
    for (const sock of sockets) sock.destroy();
    await bff.stop();
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
