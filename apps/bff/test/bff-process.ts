import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = pathToFileURL(path.join(BFF_DIR, 'node_modules/tsx/dist/loader.mjs')).href;
const MAIN = path.join(BFF_DIR, 'src/main.ts');
/**
 * BFF_TEST_BUILT=1 runs the built server (dist/main.js, `pnpm --filter bff build` first) instead:
 * its PostgreSQL and Redis parts load from chunks of their own, which only such a run exercises.
 */
const ARGS = process.env.BFF_TEST_BUILT === '1' ? [path.join(BFF_DIR, 'dist/main.js')] : ['--import', TSX, MAIN];

export interface BffProcess {
  child: ChildProcess;
  port: number;
  /** Everything it wrote (JSON log lines and anything else). */
  output: string[];
  exited: Promise<number | null>;
}

/**
 * The real entry point in a process of its own (so it can be SIGKILLed), on a given port (so a
 * proxy in front finds it again after a restart), with only the environment given here.
 */
export async function startBffProcess(port: number, env: Record<string, string>): Promise<BffProcess> {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'bff-instance-'));
  const child = spawn(process.execPath, ARGS, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), WEB_DIST_DIR: cwd, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let buf = '';
    const take = (c: Buffer) => {
      buf += c.toString();
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts.filter(Boolean)) {
        output.push(l);
        if (l.includes('"BFF listening')) resolve();
      }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    void exited.then((code) => reject(new Error(`the BFF exited (${code}) before listening: ${output.slice(-5).join('\n')}`)));
  });
  return { child, port, output, exited };
}
