import { progressOf, startTransition } from '../timing.ts';
import type { Prng } from '../prng.ts';
import type { SimEnv } from './env.ts';
import type { QueueBinding } from './dli-types.ts';
import { PEERING_FAILURES } from './names.ts';

/** Names containing "fail" always fail to peer, so tests and demos can reach the FAILED path. */
export function bindingFails(name: string): boolean {
  return name.toLowerCase().includes('fail');
}

export function newBinding(name: string, env: SimEnv, prng: Prng): QueueBinding {
  const now = env.now();
  const fails = bindingFails(name);
  return {
    peerId: prng.uuid(),
    name,
    status: 'CREATING',
    errMsg: '',
    updateTime: now,
    pending: {
      transition: startTransition(now),
      status: fails ? 'FAILED' : 'ACTIVE',
      errMsg: fails ? prng.pick(PEERING_FAILURES) : '',
    },
  };
}

/** Retrying a FAILED binding starts a new peering attempt under the same peer id. */
export function restartBinding(b: QueueBinding, env: SimEnv, prng: Prng): void {
  const fresh = newBinding(b.name, env, prng);
  b.status = 'CREATING';
  b.errMsg = '';
  b.updateTime = fresh.updateTime;
  b.pending = fresh.pending;
}

/** Advances a CREATING binding if its time (or its reads) have come. */
export function settleBinding(b: QueueBinding, env: SimEnv, countRead: boolean): void {
  if (!b.pending) return;
  const now = env.now();
  if (progressOf(b.pending.transition, env.timing, now, countRead) < 1) return;
  b.status = b.pending.status;
  b.errMsg = b.pending.errMsg;
  b.updateTime = now;
  delete b.pending;
}

export function renderBinding(b: QueueBinding) {
  return { peer_id: b.peerId, status: b.status, name: b.name, err_msg: b.errMsg, update_time: b.updateTime };
}
