/**
 * Summarises a V8 sampling heap profile (HeapProfiler.stopSampling) into bytes by module, each
 * allocation charged like a CPU sample (cpu-profile.ts): to the innermost frame with a source.
 * With collected objects included it is what a request allocates, i.e. what the scavenger pays
 * for; with them left out, what was still reachable when the profile stopped.
 */
import { ownerOf } from './cpu-profile.ts';

interface HeapNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: HeapNode[];
}
export interface HeapProfile {
  head: HeapNode;
}

export function summariseHeapProfile(p: HeapProfile): { bytes: number; owners: Array<{ owner: string; bytes: number }> } {
  const byOwner = new Map<string, number>();
  let bytes = 0;
  const walk = (n: HeapNode, owner: string) => {
    const mine = ownerOf(n.callFrame) ?? owner;
    if (n.selfSize > 0) {
      bytes += n.selfSize;
      byOwner.set(mine, (byOwner.get(mine) ?? 0) + n.selfSize);
    }
    for (const c of n.children) walk(c, mine);
  };
  walk(p.head, 'V8 / native (no JS caller)');
  const owners = [...byOwner].map(([owner, b]) => ({ owner, bytes: b })).sort((a, b) => b.bytes - a.bytes);
  return { bytes, owners };
}
