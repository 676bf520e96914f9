export interface LimiterOptions {
  /** Calls in flight at once. */
  maxConcurrency: number;
  /** Calls started per second (a token bucket holding one second's worth). */
  maxRps: number;
  /** Waiting calls beyond this are refused at once. */
  queueMax: number;
  now?: () => number;
}

/** Why a call got no slot: the queue was full, or it waited until its deadline. */
export class LimiterBusy extends Error {
  constructor(
    readonly reason: 'queue-full' | 'wait-expired' | 'closed',
    /** A fair guess at when a slot frees up. */
    readonly retryAfterMs: number,
  ) {
    super(`upstream limiter: ${reason}`);
    this.name = 'LimiterBusy';
  }
}

/** Frees the slot. A limiter that counts calls by clock second says which second it counted this one in. */
export type Release = (() => void) & { grantedAt?: number };

interface Waiter {
  grant: (release: Release) => void;
  reject: (err: LimiterBusy) => void;
  timer: NodeJS.Timeout;
}

export interface ServiceLimiter {
  /** Resolves with a release function once a slot and a rate token are free; rejects with LimiterBusy. */
  acquire(waitMs: number): Promise<Release>;
  readonly active: number;
  readonly queued: number;
  /** Refuses everything still waiting. */
  close(): void;
}

/**
 * One service's share of the cloud: at most `maxConcurrency` calls in flight and `maxRps` started
 * per second. Calls beyond that queue (first come, first served) rather than flood the gateway;
 * the queue is bounded and every wait has a deadline, so a flood becomes fast 503s, not a backlog.
 */
export function createServiceLimiter(o: LimiterOptions): ServiceLimiter {
  const now = o.now ?? (() => performance.now());
  const capacity = Math.max(1, o.maxRps);
  let tokens = capacity;
  let refilledAt = now();
  let active = 0;
  const queue: Waiter[] = [];
  let wakeup: NodeJS.Timeout | undefined;
  let closed = false;

  const refill = () => {
    const t = now();
    tokens = Math.min(capacity, tokens + ((t - refilledAt) * o.maxRps) / 1000);
    refilledAt = t;
  };

  const releaser = () => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      active -= 1;
      pump();
    };
  };

  function pump(): void {
    while (queue.length > 0 && active < o.maxConcurrency) {
      refill();
      if (tokens < 1) {
        if (!wakeup) {
          wakeup = setTimeout(() => {
            wakeup = undefined;
            pump();
          }, Math.ceil(((1 - tokens) * 1000) / o.maxRps));
        }
        return;
      }
      tokens -= 1;
      active += 1;
      const w = queue.shift()!;
      clearTimeout(w.timer);
      w.grant(releaser());
    }
  }

  /** Time until the queue ahead of a newcomer has been served, roughly. */
  const estimateMs = () => Math.max(1000, Math.ceil(((queue.length + 1) * 1000) / o.maxRps));

  return {
    acquire(waitMs) {
      if (closed) return Promise.reject(new LimiterBusy('closed', 1000));
      if (queue.length === 0 && active < o.maxConcurrency) {
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          active += 1;
          return Promise.resolve(releaser());
        }
      }
      if (queue.length >= o.queueMax || waitMs <= 0) {
        return Promise.reject(new LimiterBusy('queue-full', estimateMs()));
      }
      return new Promise((resolve, reject) => {
        const w: Waiter = {
          grant: resolve,
          reject,
          timer: setTimeout(() => {
            const i = queue.indexOf(w);
            if (i >= 0) queue.splice(i, 1);
            reject(new LimiterBusy('wait-expired', estimateMs()));
          }, waitMs),
        };
        queue.push(w);
        pump();
      });
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
    close() {
      closed = true;
      clearTimeout(wakeup);
      for (const w of queue.splice(0)) {
        clearTimeout(w.timer);
        w.reject(new LimiterBusy('closed', 1000));
      }
    },
  };
}
