/**
 * An open-loop load run at a fixed rate, evenly spaced: request i is due at start + i / rate and is
 * sent then whether or not earlier ones have been answered. autocannon's `overallRate` cannot do
 * this: it lets every connection fire its whole per-second quota at the start of each second, so
 * its "fixed rate" arrives in bursts of up to `connections` requests, which measures queueing at
 * the burst rather than the latency a server adds at that load.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from './stats.ts';

export interface PacedResult {
  /** Requests per second asked for. */
  offeredRps: number;
  sent: number;
  /** 2xx answers per second over the run (sending time plus the wait for the last answers). */
  answeredRps: number;
  ok: number;
  /** Non-2xx answers, connection errors and requests unanswered at the end. */
  failed: number;
  /** Latency from the moment a request was due (so a late send counts against the run), in ms. */
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** How late sends left, in ms: the generator's own precision on this machine. */
  sendLagP99: number;
}

export async function runPaced(opts: {
  url: string;
  ratePerSec: number;
  durationSec: number;
  headers?: Record<string, string>;
  /** Sockets the generator may open; a request finding all of them busy waits (and that wait counts). */
  maxSockets?: number;
  /** How long to wait for the last answers after the final send. */
  drainMs?: number;
}): Promise<PacedResult> {
  const total = Math.max(1, Math.round(opts.ratePerSec * opts.durationSec));
  const intervalMs = 1000 / opts.ratePerSec;
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 50 });
  const latencies: number[] = [];
  const lags: number[] = [];
  let ok = 0;
  let failed = 0;
  let outstanding = 0;
  let allAnswered: (() => void) | undefined;

  const settle = (good: boolean, due: number) => {
    if (good) {
      ok++;
      latencies.push(performance.now() - due);
    } else failed++;
    outstanding--;
    if (outstanding === 0) allAnswered?.();
  };

  const send = (due: number) => {
    outstanding++;
    lags.push(performance.now() - due);
    const req = http.get(opts.url, { agent, headers: opts.headers ?? {} }, (res) => {
      const good = res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300;
      res.on('data', () => {});
      res.on('end', () => settle(good, due));
      res.on('error', () => settle(false, due));
    });
    req.on('error', () => settle(false, due));
  };

  const start = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    while (next < total && start + next * intervalMs <= now) send(start + next++ * intervalMs);
    if (next < total) await sleep(Math.max(0, start + next * intervalMs - performance.now()));
  }
  if (outstanding > 0) {
    await Promise.race([
      new Promise<void>((resolve) => (allAnswered = resolve)),
      sleep(opts.drainMs ?? 10_000),
    ]);
  }
  const elapsedSec = (performance.now() - start) / 1000;
  const unanswered = outstanding;
  agent.destroy();
  return {
    offeredRps: opts.ratePerSec,
    sent: total,
    answeredRps: ok / elapsedSec,
    ok,
    failed: failed + unanswered,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    p999: percentile(latencies, 99.9),
    max: latencies.length > 0 ? latencies.reduce((m, x) => Math.max(m, x)) : Number.NaN,
    sendLagP99: percentile(lags, 99),
  };
}
