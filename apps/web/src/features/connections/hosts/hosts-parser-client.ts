import type { HostsWorkerRequest, HostsWorkerResponse } from './hosts-worker.ts';
import { readHosts, type ReadHosts } from './read-hosts.ts';

export interface HostsParserClient {
  /** Each call resolves with the result for its own text; callers drop answers they no longer need. */
  parse(text: string): Promise<ReadHosts>;
  dispose(): void;
}

/**
 * Reads in a Web Worker where the browser has them; otherwise (tests, very old browsers) on the
 * main thread, one macrotask later so callers see the same asynchronous shape either way.
 */
export function createHostsParser(options: { useWorker?: boolean } = {}): HostsParserClient {
  const useWorker = options.useWorker ?? typeof Worker !== 'undefined';
  if (!useWorker) return synchronousParser();
  let worker: Worker;
  try {
    worker = new Worker(new URL('./hosts-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return synchronousParser();
  }

  let nextId = 0;
  let failed = false;
  const fallback = synchronousParser();
  const pending = new Map<number, { text: string; resolve: (r: ReadHosts) => void }>();
  worker.onmessage = (e: MessageEvent<HostsWorkerResponse>) => {
    pending.get(e.data.id)?.resolve(e.data.result);
    pending.delete(e.data.id);
  };
  worker.onerror = (e) => {
    // A worker that cannot start (e.g. blocked by policy) must not leave the editor "reading"
    // forever: finish on the main thread, slower but correct.
    e.preventDefault();
    failed = true;
    worker.terminate();
    for (const p of pending.values()) void fallback.parse(p.text).then(p.resolve);
    pending.clear();
  };
  return {
    parse(text) {
      if (failed) return fallback.parse(text);
      const id = ++nextId;
      return new Promise<ReadHosts>((resolve) => {
        pending.set(id, { text, resolve });
        worker.postMessage({ id, text } satisfies HostsWorkerRequest);
      });
    },
    dispose() {
      worker.terminate();
      pending.clear();
    },
  };
}

function synchronousParser(): HostsParserClient {
  return {
    parse: (text) =>
      new Promise((resolve) => {
        setTimeout(() => resolve(readHosts(text)), 0);
      }),
    dispose() {},
  };
}
