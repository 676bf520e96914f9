#!/usr/bin/env node
// `pnpm start`: builds the web app when its build is missing or stale, then starts the console
// (demo mode on the simulator when no AK/SK is configured). The TypeScript launcher runs under tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'apps/web/dist/index.html');
const sources = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/package.json', 'packages/api-types/src'];

function newestMtime(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const st = statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(full)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const isStale = () => !existsSync(built) || statSync(built).mtimeMs < Math.max(...sources.map(newestMtime));

// Several launchers (tests, a developer) may start at once: one builds, the others wait for it.
const lock = join(root, 'apps/web/.build-lock');
async function buildIfStale() {
  if (!isStale()) return;
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    if (!isStale()) return;
    console.log('Building the web app (missing or stale build)…');
    const r = spawnSync('pnpm', ['--filter', 'web', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      console.error('The web build failed; see above.');
      process.exit(1);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

await buildIfStale();
const { register } = await import('tsx/esm/api');
register();
await import('./launch.ts');
