/** Benchmark knobs, from the environment so `pnpm bench` needs no arguments. */
export interface BenchSettings {
  /** Seconds per autocannon run (BENCH_DURATION). */
  durationSec: number;
  /** Seconds of unrecorded load before the runs, per target and operation (BENCH_WARMUP). */
  warmupSec: number;
  /** Concurrency levels; the first one is where the targets are judged (BENCH_CONNECTIONS). */
  connections: number[];
  /** Cold starts per process kind (BENCH_COLD_RUNS). */
  coldRuns: number;
  /** Enhanced connections the simulator seeds for the large-list benchmark (BENCH_LIST_SIZE). */
  listSize: number;
  /** Wall-clock cap on the scroll through every row (BENCH_SCROLL_MAX). */
  scrollMaxSec: number;
  /** Host lines pasted into the editor (BENCH_HOSTS). */
  hosts: number;
  /** Seconds of CPU profiling of the BFF per operation after the timed runs; 0 skips (BENCH_PROFILE). */
  profileSec: number;
  /** Directory the .cpuprofile files are copied to for DevTools (BENCH_PROFILE_KEEP); unset discards them. */
  profileKeepDir: string | undefined;
  /** Offered req/s of the overhead benchmark's evenly paced (non-saturating) runs; 0 skips them (BENCH_RATE). */
  pacedRate: number;
  /** BFF log level during the overhead runs (BENCH_BFF_LOG_LEVEL): production logs a line per request. */
  bffLogLevel: string;
}

function num(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new Error(`${name} must be a number between ${min} and ${max}`);
  return n;
}

export function loadSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const connections = (env.BENCH_CONNECTIONS || '50,10').split(',').map((s) => Number(s.trim()));
  if (connections.some((c) => !Number.isInteger(c) || c < 1 || c > 1000))
    throw new Error('BENCH_CONNECTIONS must be whole numbers 1–1000, comma-separated');
  return {
    durationSec: num(env, 'BENCH_DURATION', 8, 1, 600),
    warmupSec: num(env, 'BENCH_WARMUP', 2, 0, 60),
    connections,
    coldRuns: num(env, 'BENCH_COLD_RUNS', 3, 1, 20),
    listSize: num(env, 'BENCH_LIST_SIZE', 20_000, 1, 100_000),
    hosts: num(env, 'BENCH_HOSTS', 20_000, 1, 20_000),
    scrollMaxSec: num(env, 'BENCH_SCROLL_MAX', 30, 1, 600),
    profileSec: num(env, 'BENCH_PROFILE', 4, 0, 60),
    profileKeepDir: env.BENCH_PROFILE_KEEP || undefined,
    bffLogLevel: env.BENCH_BFF_LOG_LEVEL || 'info',
    pacedRate: num(env, 'BENCH_RATE', 200, 0, 5_000),
  };
}

export function describeSettings(s: BenchSettings): Array<[string, string]> {
  return [
    [
      'load runs',
      `${s.durationSec} s each after ${s.warmupSec} s warm-up, at ${s.connections.join(' and ')} connections (BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS)`,
    ],
    [
      'paced runs',
      s.pacedRate > 0
        ? `${s.pacedRate} req/s evenly spaced, ${s.durationSec} s per target and operation (BENCH_RATE)`
        : 'off (BENCH_RATE=0)',
    ],
    ['BFF log level under load', `${s.bffLogLevel} (BENCH_BFF_LOG_LEVEL)`],
    [
      'BFF CPU profile',
      s.profileSec > 0
        ? `${s.profileSec} s per operation (BENCH_PROFILE)`
        : 'off (BENCH_PROFILE=0)',
    ],
    ['cold starts', `${s.coldRuns} per process (BENCH_COLD_RUNS)`],
    [
      'large list',
      `${s.listSize} enhanced connections (BENCH_LIST_SIZE); scroll capped at ${s.scrollMaxSec} s (BENCH_SCROLL_MAX)`,
    ],
    ['host editor', `${s.hosts} host lines (BENCH_HOSTS)`],
  ];
}
