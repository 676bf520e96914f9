// Benchmark 8, list bytes: the API bytes a browser receives to show one 20-row page of enhanced
// connections when a 20,000-host connection is on it — through the catalogue's pass-through list
// (the list page's route before issue 20) and through the whole-list view (lean rows), each
// without and with negotiated compression. Run alone: pnpm exec tsx bench/list-bytes.ts
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer, createLogger, createServer, hashPassword, loadConfig, withDemoUpstream } from 'bff';
import { randomCredentials, startSim } from 'cloud-sim';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmt, fmtKB, ratio } from './lib/stats.ts';

/** The issue's goal for one 20-row page with a 20,000-host connection on it. */
export const PAGE_BYTES_TARGET = 64 * 1024;

interface Transfer {
  /** Status line and headers as sent, plus the body as sent (compressed when negotiated). */
  wire: number;
  body: number;
  encoding: string;
}

/** One GET, counting the bytes as they arrive (node:http does not decompress). */
function measure(url: string, cookie: string, acceptEncoding: string | undefined): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'x-csrf': '1', cookie, accept: 'application/json' };
    if (acceptEncoding) headers['accept-encoding'] = acceptEncoding;
    http
      .get(url, { headers }, (res) => {
        let body = 0;
        res.on('data', (c: Buffer) => {
          body += c.length;
        });
        res.on('end', () => {
          if (res.statusCode !== 200) {
            reject(new Error(`${url} answered ${res.statusCode}`));
            return;
          }
          const head = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n${res.rawHeaders
            .reduce<string[]>((out, v, i) => (i % 2 ? [...out.slice(0, -1), `${out.at(-1)}: ${v}`] : [...out, v]), [])
            .join('\r\n')}\r\n\r\n`;
          const encoding = res.headers['content-encoding'] ?? 'identity';
          resolve({ wire: Buffer.byteLength(head) + body, body, encoding });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

export async function runListBytes(_settings: BenchSettings): Promise<Section> {
  const s = new SectionBuilder('list-bytes', '9. List bytes');
  const dir = mkdtempSync(join(tmpdir(), 'bench-bytes-'));
  const credentials = { ...randomCredentials(), securityToken: 'bench-token' };
  const sim = await startSim({ credentials: [credentials], seed: 7, timing: { mode: 'immediate' }, enhancedConnections: 300 });
  let close = async () => {};
  try {
    const password = 'bench-password-1';
    const usersFile = join(dir, 'users.json');
    writeFileSync(
      usersFile,
      JSON.stringify([{ username: 'bench', role: 'operator', passwordHash: await hashPassword(password, { N: 1024, r: 8, p: 1 }) }]),
    );
    const config = withDemoUpstream(
      loadConfig({ SESSION_SECRET: 'bench-session-secret-0123456789abcdef', CONSOLE_USERS_FILE: usersFile, AUDIT_LOG_FILE: join(dir, 'audit.log'), LOG_LEVEL: 'warn' }),
      { credentials, projectId: sim.projectId, endpoint: sim.url },
    );
    const bff = createServer(config, { logger: createLogger('warn') });
    const server = createHttpServer(bff.app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    close = async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await bff.close();
    };
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'x-csrf': '1', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password }),
    });
    const cookie = /dsc_session=[^;]+/.exec(signIn.headers.getSetCookie().join(';'))?.[0];
    if (!cookie) throw new Error(`sign-in failed (${signIn.status})`);

    // The newest connection carries 20,000 hosts, so it is on the first page in both orders.
    const hosts = Array.from({ length: 20_000 }, (_, i) => ({ name: `host-${i}`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
    const created = await fetch(`${base}/api/dli/enhanced-connections`, {
      method: 'POST',
      headers: { 'x-csrf': '1', 'content-type': 'application/json', cookie },
      body: JSON.stringify({ name: 'bench_20000_hosts', dest_vpc_id: 'vpc-bench', dest_network_id: 'subnet-bench', hosts }),
    });
    if (!created.ok) throw new Error(`creating the 20,000-host connection failed (${created.status})`);

    const check = (await (
      await fetch(`${base}/api/views/dli/enhanced-connections?page=1&pageSize=20`, { headers: { 'x-csrf': '1', cookie } })
    ).json()) as { connections: Array<{ name: string; host_count: number }> };
    if (!check.connections.some((c) => c.name === 'bench_20000_hosts' && c.host_count === 20_000)) {
      throw new Error('the 20,000-host connection is not on the measured page');
    }
    const routes = [
      ['catalogue list (before)', `${base}/api/dli/enhanced-connections?limit=20&offset=0`],
      ['whole-list view (lean rows)', `${base}/api/views/dli/enhanced-connections?page=1&pageSize=20`],
    ] as const;
    const encodings = [undefined, 'gzip', 'gzip, deflate, br'] as const;
    const results: Array<{ route: string; accept: string; t: Transfer }> = [];
    for (const [route, url] of routes) {
      for (const accept of encodings) results.push({ route, accept: accept ?? '(none)', t: await measure(url, cookie, accept) });
    }
    const baseline = results[0]!.t.wire;
    s.table(
      ['route', 'Accept-Encoding', 'Content-Encoding', 'body bytes', 'bytes on the wire', 'vs catalogue list, no compression'],
      results.map(({ route, accept, t }) => [route, accept, t.encoding, fmt(t.body), `${fmtKB(t.wire)}`, `${fmt(ratio(t.wire, baseline) * 100, 2)} %`]),
    );
    const browser = results.find((r) => r.route.startsWith('whole') && r.accept.includes('br'))!;
    s.target('20-row page with a 20,000-host connection, as a browser fetches it (br)', `≤ ${fmtKB(PAGE_BYTES_TARGET)}`, fmtKB(browser.t.wire), browser.t.wire <= PAGE_BYTES_TARGET);
    s.note(
      'how measured: in one process, the simulator with 300 seeded connections plus one created with 20,000 hosts (the newest, so on page 1), ' +
        'the BFF in-process; each GET counted by node:http as it arrives (status line, headers and body as sent, before decompression). ' +
        'Baseline: the catalogue route the list page used before, `limit=20&offset=0`, without compression.',
    );
    return s.build();
  } catch (err) {
    return s.build(err);
  } finally {
    await close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(runListBytes);
