// Benchmark 7, upstream client: the CPU one upstream call costs the calling process, for the
// node:http client the BFF used until decision 005's update (the baseline, bench/lib/node-http-client.ts),
// undici's high-level `request()`, and the BFF's client on undici's raw dispatch API (what it uses
// now), side by side in one run against the same canned upstream in another process.
// Run alone: pnpm exec tsx bench/upstream-client.ts
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'undici';
import { createUpstreamPool, sendOnce } from 'bff';
import { startIpcServer } from './lib/bff-child.ts';
import { cannedFromSimulator, LIST_LIMIT } from './lib/canned-upstream.ts';
import { createNodeAgent, sendWithNodeHttp } from './lib/node-http-client.ts';
import type { Started } from './lib/processes.ts';
import { SectionBuilder, type Section } from './lib/report.ts';
import type { BenchSettings } from './lib/settings.ts';
import { isMain, runStandalone } from './lib/standalone.ts';
import { fmt, fmtKB, fmtPct, median, ratio } from './lib/stats.ts';

type ClientId = 'node' | 'request' | 'dispatch';
const CLIENT_NAMES: Record<ClientId, string> = {
  node: 'node:http + keep-alive Agent (the previous BFF client; baseline)',
  request: 'undici Pool, `request()` + `body.arrayBuffer()`',
  dispatch: "undici Pool, raw `dispatch()` (the BFF's client now)",
};
const CLIENTS: readonly ClientId[] = ['node', 'request', 'dispatch'];
const CONCURRENCY = 50;
const ROUNDS = 5;

interface Op {
  name: string;
  path: string;
  bytes: number;
  calls: number;
}

/** Each call carries headers like the BFF's signed ones, so header handling costs what it does there. */
function headersFor(host: string): Record<string, string> {
  return {
    host,
    accept: 'application/json',
    'content-type': 'application/json',
    'x-sdk-date': '20261205T080000Z',
    authorization:
      'SDK-HMAC-SHA256 Access=BENCHAK0000000000000000, SignedHeaders=accept;content-type;host;x-sdk-date, Signature=' +
      '0'.repeat(64),
  };
}

export async function runUpstreamClient(settings: BenchSettings): Promise<Section> {
  const s = new SectionBuilder('upstream-client', '7. Upstream client');
  const dir = mkdtempSync(join(tmpdir(), 'bench-client-'));
  let upstream: Started | undefined;
  try {
    console.log('  [upstream-client] canned answers from the simulator…');
    const canned = await cannedFromSimulator();
    writeFileSync(join(dir, 'list.json'), canned.list.body);
    writeFileSync(join(dir, 'small.json'), canned.small.body);
    const started = await startIpcServer<{ port: number }>({
      script: 'servers/node-floor.ts',
      dir,
      name: 'canned-upstream',
      env: {
        BENCH_ROUTES: JSON.stringify([
          [canned.list.upstreamPath, join(dir, 'list.json')],
          [canned.small.upstreamPath, join(dir, 'small.json')],
        ]),
      },
    });
    upstream = started.started;
    const origin = new URL(`http://127.0.0.1:${started.ready.port}`);
    const headers = headersFor(origin.host);
    // Sized so each round takes about a second at the rates seen here; BENCH_DURATION scales them.
    const scale = settings.durationSec / 8;
    const ops: Op[] = [
      {
        name: 'small GET',
        path: canned.small.upstreamPath,
        bytes: canned.small.body.length,
        calls: Math.max(1000, Math.round(8000 * scale)),
      },
      {
        name: `list (limit ${LIST_LIMIT})`,
        path: `${canned.list.upstreamPath}?${canned.list.query}`,
        bytes: canned.list.body.length,
        calls: Math.max(200, Math.round(1500 * scale)),
      },
    ];

    const nodeAgent = createNodeAgent(origin);
    const requestPool = new Pool(origin.origin, { connections: 64, pipelining: 1 });
    const dispatchPool = createUpstreamPool(origin);
    const callOnce: Record<ClientId, (path: string) => Promise<number>> = {
      node: async (path) => {
        const ex = await sendWithNodeHttp(
          { url: new URL(path, origin), method: 'GET', headers, body: Buffer.alloc(0) },
          nodeAgent,
          10_000,
        );
        return ex.kind === 'response' ? ex.response.body.length : -1;
      },
      request: async (path) => {
        const r = await requestPool.request({ path, method: 'GET', headers });
        return Buffer.from(await r.body.arrayBuffer()).length;
      },
      dispatch: async (path) => {
        const ex = await sendOnce(
          {
            service: 'dli',
            method: 'GET',
            url: new URL(path, origin),
            headers,
            body: Buffer.alloc(0),
          },
          dispatchPool,
          10_000,
        );
        return ex.kind === 'response' ? ex.response.body.length : -1;
      },
    };

    /** `calls` calls, CONCURRENCY at a time; CPU of this process per call, in µs, and calls/s. */
    const batch = async (c: ClientId, op: Op): Promise<{ cpuUs: number; rps: number }> => {
      let next = 0;
      let bad = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next++ < op.calls) if ((await callOnce[c](op.path)) !== op.bytes) bad++;
        }),
      );
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      if (bad > 0) throw new Error(`${CLIENT_NAMES[c]}: ${bad} of ${op.calls} answers were not the canned body`);
      return { cpuUs: (cpu.user + cpu.system) / op.calls, rps: (op.calls * 1000) / wall };
    };

    const rows: string[][] = [];
    const ratios: string[][] = [];
    for (const op of ops) {
      console.log(`  [upstream-client] ${op.name}: ${ROUNDS} rounds of ${op.calls} calls per client…`);
      for (const c of CLIENTS) await batch(c, { ...op, calls: Math.ceil(op.calls / 4) }); // warm-up
      const cpu: Record<ClientId, number[]> = { node: [], request: [], dispatch: [] };
      const rps: Record<ClientId, number[]> = { node: [], request: [], dispatch: [] };
      // Interleaved rounds, so that a change in the machine's load falls on every client alike.
      for (let round = 0; round < ROUNDS; round++) {
        for (const c of CLIENTS) {
          const r = await batch(c, op);
          cpu[c].push(r.cpuUs);
          rps[c].push(r.rps);
        }
      }
      for (const c of CLIENTS)
        rows.push([
          op.name,
          CLIENT_NAMES[c],
          fmt(median(cpu[c])),
          `${fmt(Math.min(...cpu[c]))}–${fmt(Math.max(...cpu[c]))}`,
          fmt(median(rps[c])),
        ]);
      ratios.push([
        op.name,
        fmtPct(ratio(median(cpu.request), median(cpu.node))),
        fmtPct(ratio(median(cpu.dispatch), median(cpu.node))),
      ]);
    }
    await Promise.all([requestPool.close(), dispatchPool.close()]);
    nodeAgent.destroy();

    s.line(
      `One process sends GETs, ${CONCURRENCY} in flight, to a bare node:http server in another process answering canned bodies from the simulator's state ` +
        `(small GET: ${fmt(canned.small.body.length)} B; list: ${fmtKB(canned.list.body.length)}). CPU is the calling process's (user + system) over each round, per call. ` +
        `${ROUNDS} rounds per client, interleaved; median and range over the rounds.`,
      '',
    );
    s.table(['operation', 'client', 'CPU µs per call (median)', 'range', 'calls/s (median)'], rows);
    s.line('**CPU per call against the node:http baseline (same run)**', '');
    s.table(['operation', 'undici request() / node:http', "undici dispatch (the BFF's) / node:http"], ratios);
    s.note(
      'what is compared: only the HTTP client, i.e. taking a pooled keep-alive connection, writing the request, parsing the answer and joining its body; ' +
        'signing, the limiter and everything else of the BFF are the same whichever client sends. The baseline is the old client verbatim, with its timer and size cap.',
    );
    return s.build();
  } catch (err) {
    return s.build(err);
  } finally {
    await upstream?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone((settings) => runUpstreamClient(settings));
