import { connectivityOf, type Connectivity } from '@dsc/api-types/meta';
import pLimit from 'p-limit';
import { apiRequest } from '../../lib/api-client.ts';
import { isApiError } from '../../lib/api-error.ts';

export interface TestCase {
  queue: string;
  address: string;
}

export type TestState =
  | { phase: 'waiting' | 'checking' }
  | { phase: 'done'; connectivity: Connectivity }
  | { phase: 'error'; message: string; code?: string | undefined; requestId?: string | undefined };

export interface RunOptions {
  /** How many tests are in flight at once. */
  parallel: number;
  pollMs: number;
  /** After this many polls a test still CHECKING is reported as an error. */
  maxPolls: number;
  signal?: AbortSignal | undefined;
  onUpdate: (index: number, state: TestState) => void;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    }, { once: true });
  });

/**
 * Runs each queue × address test through the BFF, at most `parallel` at once: start the test,
 * then poll its result until REACHABLE or UNREACHABLE. Every state change is reported.
 */
export async function runTests(cases: readonly TestCase[], opts: RunOptions): Promise<TestState[]> {
  const limit = pLimit(opts.parallel);
  const sleep = opts.sleep ?? defaultSleep;
  const results: TestState[] = cases.map(() => ({ phase: 'waiting' }));
  const set = (i: number, s: TestState) => {
    results[i] = s;
    opts.onUpdate(i, s);
  };
  cases.forEach((_, i) => opts.onUpdate(i, results[i]!));
  await Promise.all(
    cases.map((c, i) =>
      limit(async () => {
        set(i, { phase: 'checking' });
        try {
          const started = await apiRequest('dli.startConnectionTest', {
            params: { queue_name: c.queue },
            body: { address: c.address },
            signal: opts.signal,
          });
          for (let poll = 0; poll < opts.maxPolls; poll++) {
            if (poll > 0) await sleep(opts.pollMs, opts.signal);
            const r = await apiRequest('dli.getConnectionTest', {
              params: { queue_name: c.queue, task_id: started.task_id },
              signal: opts.signal,
            });
            const connectivity = connectivityOf(r.connectivity);
            if (connectivity !== 'CHECKING') {
              set(i, { phase: 'done', connectivity });
              return;
            }
          }
          set(i, { phase: 'error', message: 'timeout' });
        } catch (e) {
          if (opts.signal?.aborted) throw e;
          set(i, isApiError(e) ? { phase: 'error', message: e.message, code: e.code, requestId: e.requestId } : { phase: 'error', message: String(e) });
        }
      }),
    ),
  );
  return results;
}
