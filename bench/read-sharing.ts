// Benchmark 8, read sharing: 50 viewers with the same list page open, each polling it at the web
// app's poll interval, against the BFF with sharing off (the baseline), at its default window and
// with a window as long as the poll interval; the canned upstream counts the calls it receives.
// Run alone: pnpm exec tsx bench/read-sharing.ts
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { signIn, startBffChild, type BffChild } from './lib/bff-child.ts';
import { cannedFromSimulator } from './lib/canned-upstream.ts';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmt, fmtKB } from './lib/stats.ts';

const VIEWERS = 50;
/** The web app's poll interval for lists with something in progress (CREATING_POLL_MS). */
const POLL_MS = 5_000;
const INTERVALS = 4;

interface Config {
  name: string;
  shareMs: number;
  /** Viewers spread evenly over the interval (as they open the page at different times), or all at once. */
  phases: 'spread' | 'together';
}
const CONFIGS: readonly Config[] = [
  { name: 'sharing off (UPSTREAM_READ_SHARE_MS=0), baseline', shareMs: 0, phases: 'spread' },
  { name: 'default window, 1,000 ms', shareMs: 1_000, phases: 'spread' },
  { name: `window = poll interval, ${fmt(POLL_MS)} ms`, shareMs: POLL_MS, phases: 'spread' },
  { name: 'default window, 1,000 ms; viewers polling in step', shareMs: 1_000, phases: 'together' },
];

export async function runReadSharing(_settings: BenchSettings): Promise<Section> {
  const s = new SectionBuilder('read-sharing', '8. Read sharing');
  const dir = mkdtempSync(join(tmpdir(), 'bench-sharing-'));
  let upstream: http.Server | undefined;
  let bff: BffChild | undefined;
  try {
    const canned = await cannedFromSimulator();
    let upstreamCalls = 0;
    upstream = http.createServer((req, res) => {
      if ((req.url ?? '').split('?')[0] !== canned.list.upstreamPath) {
        res.writeHead(404).end();
        return;
      }
      upstreamCalls++;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': canned.list.body.length }).end(canned.list.body);
    });
    await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

    const rows: string[][] = [];
    let baselinePerInterval = Number.NaN;
    for (const c of CONFIGS) {
      console.log(`  [read-sharing] ${c.name}: ${VIEWERS} viewers, every ${POLL_MS} ms, ${INTERVALS} intervals…`);
      bff = await startBffChild({
        dir,
        upstream: upstreamUrl,
        projectId: canned.projectId,
        logLevel: 'warn',
        env: { UPSTREAM_READ_SHARE_MS: String(c.shareMs) },
      });
      const session = await signIn(bff);
      if ('reason' in session) throw new Error(session.reason);
      const url = `${bff.url}${canned.list.bffPath}?${canned.list.query}`;
      const agent = new http.Agent({ keepAlive: true, maxSockets: VIEWERS });
      const once = () =>
        new Promise<{ status: number; age: string | undefined }>((resolve, reject) => {
          http
            .get(url, { agent, headers: { cookie: session.cookie, 'x-csrf': '1' } }, (res) => {
              res.resume();
              res.on('end', () => resolve({ status: res.statusCode ?? 0, age: res.headers.age }));
            })
            .on('error', reject);
        });
      // A poll every 5 s meets the server's 5 s keep-alive timeout: a socket closed just as it is
      // reused is retried once, as a browser retries an idempotent request.
      const get = () => once().catch(() => once().catch(() => ({ status: 0, age: undefined })));
      // One read first so that connections and the BFF's first-request costs are out of the way.
      await get();
      upstreamCalls = 0;
      let answered = 0;
      let failed = 0;
      let withAge = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: VIEWERS }, async (_, i) => {
          const phase = c.phases === 'spread' ? (i * POLL_MS) / VIEWERS : 0;
          for (let k = 0; k < INTERVALS; k++) {
            const due = started + phase + k * POLL_MS;
            await sleep(Math.max(0, due - performance.now()));
            const r = await get();
            if (r.status === 200) answered++;
            else failed++;
            if (r.age !== undefined) withAge++;
          }
        }),
      );
      agent.destroy();
      await bff.stop();
      bff = undefined;
      const perInterval = upstreamCalls / INTERVALS;
      if (c.shareMs === 0) baselinePerInterval = perInterval;
      rows.push([
        c.name,
        fmt(answered),
        fmt(failed),
        fmt(upstreamCalls),
        fmt(perInterval, 1),
        fmt(withAge),
        Number.isFinite(baselinePerInterval) && c.shareMs > 0 ? `${fmt((perInterval / baselinePerInterval) * 100, 1)} %` : '–',
      ]);
      if (c.shareMs === POLL_MS)
        s.target(
          `${VIEWERS} viewers polling the same list: upstream calls per poll interval (window = poll interval)`,
          '≤ 1',
          fmt(perInterval, 1),
          perInterval <= 1,
        );
    }

    s.line(
      `${VIEWERS} viewers, one session, each reading \`GET ${canned.list.bffPath}?${canned.list.query}\` (canned ${fmtKB(canned.list.body.length)} answer) every ${fmt(POLL_MS)} ms ` +
        `for ${INTERVALS} intervals; "spread": viewer i polls at i × ${fmt(POLL_MS / VIEWERS)} ms into each interval (people open the page at different times), "in step": all at once. ` +
        'A fresh BFF child per row; the canned upstream in the benchmark process counts the calls that reach it.',
      '',
    );
    s.table(
      ['configuration', 'answers 200', 'failed', 'upstream calls', 'upstream calls per poll interval', 'answers marked shared (Age)', 'calls vs baseline'],
      rows,
    );
    s.note(
      'why the default window does not reach 1 call per interval with spread viewers: a shared answer is reused for at most UPSTREAM_READ_SHARE_MS after it came, so viewers spread over a 5 s interval cost about one call per window length; ' +
        'viewers in step share one call in flight whatever the window. Setting UPSTREAM_READ_SHARE_MS to the poll interval makes it one call per interval, at the price of answers up to that old (the refresh button always bypasses it).',
    );
    s.note('per BFF instance: several instances behind a load balancer each make their own calls (decision 015).');
    return s.build();
  } catch (err) {
    return s.build(err);
  } finally {
    await bff?.stop();
    await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone((settings) => runReadSharing(settings));
