#!/usr/bin/env node
// `pnpm start`: builds the web app and the server bundle when missing or stale, then starts the
// console (demo mode on the simulator when no AK/SK is configured) from the bundle: plain
// JavaScript, no TypeScript loader (apps/bff/build.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
function lockHolderAlive() {
  let pid;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Between mkdir and writing the pid, or a lock from before pids were written: judge by age.
    try {
      return Date.now() - statSync(lock).mtimeMs < 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function buildIfStale() {
  if (!isStale()) return;
  for (let waited = 0; ; waited += 500) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      // A launcher killed mid-build leaves its lock behind: take it over at once, not after 5 min.
      if (waited > 300_000 || !lockHolderAlive()) rmSync(lock, { recursive: true, force: true });
      else if (waited === 0) console.log('Waiting for another launcher to finish building the web app…');
      await sleep(500);
    }
  }
  try {
    if (!isStale()) return;
    console.log('Building the web app (missing or stale build)…');
    // Vite itself rather than `pnpm --filter web build`: a launcher started by node directly
    // (Playwright's webServer from a shell without pnpm on PATH) must build too.
    const webDir = join(root, 'apps/web');
    const vite = join(webDir, 'node_modules/vite/bin/vite.js');
    const r = spawnSync(process.execPath, [vite, 'build'], { cwd: webDir, stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      console.error('The web build failed; see above.');
      process.exit(1);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const bundle = join(root, 'apps/bff/dist/launch.js');
const serverSources = ['apps/bff/src', 'apps/bff/build.mjs', 'apps/cloud-sim/src', 'packages/api-types/src', 'packages/signer/src', 'scripts/launch.ts', 'scripts/demo-users.ts'];

/** The server bundle, rebuilt when a source is newer (one builder at a time, as for the web app). */
async function buildServerIfStale() {
  const stale = () => !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(...serverSources.map(newestMtime));
  if (!stale()) return;
  const serverLock = join(root, 'apps/bff/.build-lock');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(serverLock);
      break;
    } catch {
      if (waited > 120_000 || Date.now() - statSync(serverLock, { throwIfNoEntry: false })?.mtimeMs > 120_000) rmSync(serverLock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (!stale()) return;
    console.log('Building the server (missing or stale bundle)…');
    const r = spawnSync(process.execPath, [join(root, 'apps/bff/build.mjs')], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (r.status !== 0) {
      console.error('The server build failed; see above.');
      process.exit(1);
    }
  } finally {
    rmSync(serverLock, { recursive: true, force: true });
  }
}

await buildIfStale();
await buildServerIfStale();
await import(bundle);
