import { Worker } from 'node:worker_threads';
import type { OperationId } from '@dsc/api-types';
import type { BodyCheck } from './body-check.ts';
import type { JsonLimits } from './json-scan.ts';

/** Bodies above this many bytes are checked in the body worker; below, inline is cheaper than the hop. */
export const WORKER_THRESHOLD_BYTES = 64 * 1024;

// From source the worker is TypeScript like the rest of the BFF. Node 20 loads a worker's entry
// before any --import hook is active, so a small script registers tsx in the worker, then imports
// the entry. The built server (build.mjs) bundles the worker as dist/body-worker.js beside main.js.
const FROM_SOURCE = import.meta.url.endsWith('.ts');

function startWorker(): Worker {
  if (!FROM_SOURCE) return new Worker(new URL('./body-worker.js', import.meta.url));
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./body-worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

type Pending = { resolve: (r: BodyCheck) => void; reject: (e: Error) => void };

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function failAll(err: Error): void {
  worker = undefined;
  for (const p of pending.values()) p.reject(err);
  pending.clear();
}

function ensureWorker(): Worker {
  if (worker) return worker;
  const w = startWorker();
  w.unref();
  w.on('message', (m: { id: number; result: BodyCheck }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    p?.resolve(m.result);
  });
  w.on('error', (err) => failAll(err));
  w.on('exit', (code) => failAll(new Error(`the body worker exited (${code})`)));
  worker = w;
  return w;
}

/**
 * Parses and validates a body in the one body worker thread; jobs queue there one after another,
 * so however many large bodies arrive, they take one core at most. The worker is started on first
 * use, holds the process open only while it has work, and is replaced if it dies.
 */
export function checkBodyInWorker(operationId: OperationId, bytes: Buffer, limits: JsonLimits): Promise<BodyCheck> {
  const w = ensureWorker();
  const id = nextId++;
  return new Promise<BodyCheck>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, operationId, limits, bytes });
  });
}
