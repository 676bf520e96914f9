import type { Host } from '@dsc/api-types';

export interface HostChange {
  name: string;
  from: string;
  to: string;
}

/** What replacing one hosts list with another does, entry by entry. */
export interface HostsDiff {
  /** Names only the new list has, in its order. */
  added: Host[];
  /** Names only the current list has, in its order. */
  removed: Host[];
  /** Names both lists have, with another address in the new one. */
  changed: HostChange[];
  unchanged: number;
}

/**
 * Compares by name exactly as written (a name whose spelling changes is one removed and one
 * added): that is what the service stores. A name listed twice counts once, at its first entry.
 */
export function diffHosts(current: readonly Host[], next: readonly Host[]): HostsDiff {
  const before = firstByName(current);
  const after = firstByName(next);
  const added: Host[] = [];
  const changed: HostChange[] = [];
  let unchanged = 0;
  for (const [name, ip] of after) {
    const old = before.get(name);
    if (old === undefined) added.push({ name, ip });
    else if (old === ip) unchanged += 1;
    else changed.push({ name, from: old, to: ip });
  }
  const removed: Host[] = [];
  for (const [name, ip] of before) if (!after.has(name)) removed.push({ name, ip });
  return { added, removed, changed, unchanged };
}

function firstByName(hosts: readonly Host[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of hosts) if (!out.has(h.name)) out.set(h.name, h.ip);
  return out;
}
