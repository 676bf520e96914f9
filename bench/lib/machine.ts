import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fmtMiB } from './stats.ts';

function tryRun(cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    timeout: 10_000,
    env: { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` },
  });
  if (r.error || r.status !== 0) return undefined;
  // nginx -v answers on stderr.
  return r.stdout.trim() || r.stderr.trim() || undefined;
}

/** What the figures depend on: printed at the top of every report. */
export function describeMachine(now: Date): Array<[string, string]> {
  const cpus = os.cpus();
  const commit = tryRun('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  }).stdout?.trim();
  return [
    ['date', now.toISOString()],
    [
      'CPU',
      `${cpus[0]?.model ?? 'unknown'} (${cpus.length} logical cores${cpus[0]?.speed ? `, ${cpus[0].speed} MHz` : ''})`,
    ],
    ['memory', `${fmtMiB(os.totalmem(), 0)} total, ${fmtMiB(os.freemem(), 0)} free at start`],
    [
      'load average at start',
      os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' / '),
    ],
    ['OS', `${os.type()} ${os.release()} (${os.arch()})`],
    ['Node', process.version],
    ['Chromium', tryRun('/usr/bin/chromium', ['--version']) ?? 'not installed'],
    ['nginx', tryRun('nginx', ['-v'])?.replace(/^nginx version:\s*/, '') ?? 'not installed'],
    ['commit', commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown'],
  ];
}
