/** One fixed-concurrency load run with autocannon, latencies kept at sub-millisecond resolution. */
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import { percentile } from './stats.ts';

export interface LoadResult {
  connections: number;
  durationSec: number;
  /** 2xx answers per second over the whole run. */
  rps: number;
  p50: number;
  p99: number;
  mean: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Mean response bytes per second. */
  bytesPerSec: number;
  /** CPU the load generator (this process) used, in cores (1 = one core busy all the time). */
  generatorCores: number;
  /** CPU of the watched processes during the run, in cores, by label. */
  cores: Record<string, number>;
}

const CLK_TCK = 100;

/** user+system CPU seconds of pid and its direct children (nginx's workers), from /proc. */
export function cpuSeconds(pid: number): number {
  const ticks = (p: string): number => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return 0;
    }
  };
  let total = ticks(String(pid));
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) total += ticks(entry);
    } catch {
      // gone meanwhile
    }
  }
  return total / CLK_TCK;
}

export async function runLoad(opts: {
  url: string;
  connections: number;
  durationSec: number;
  headers?: Record<string, string>;
  watch?: Record<string, number>;
}): Promise<LoadResult> {
  const samples: number[] = [];
  const watch = Object.entries(opts.watch ?? {});
  const cpuBefore = watch.map(([, pid]) => cpuSeconds(pid));
  const selfBefore = process.cpuUsage();
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        duration: opts.durationSec,
        pipelining: 1,
        timeout: 30,
        headers: opts.headers ?? {},
      },
      (err, res) =>
        err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res),
    );
    instance.on(
      'response',
      (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
      },
    );
  });
  const elapsedSec = (performance.now() - started) / 1000;
  const self = process.cpuUsage(selfBefore);
  const cores: Record<string, number> = {};
  watch.forEach(([label, pid], i) => {
    cores[label] = (cpuSeconds(pid) - cpuBefore[i]!) / elapsedSec;
  });
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    connections: opts.connections,
    durationSec: result.duration,
    rps: result['2xx'] / result.duration,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    mean: samples.length ? sum / samples.length : Number.NaN,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytesPerSec: result.throughput.average,
    generatorCores: (self.user + self.system) / 1e6 / elapsedSec,
    cores,
  };
}
