/**
 * Summarises a V8 .cpuprofile into self time by module: each sample is charged to the innermost
 * frame on its stack that has a source (an app file, a package, or a Node core module), so a
 * native leaf (a socket write, a hash) counts for the JavaScript that called it. Shares add up
 * to 100 % of the busy time.
 */
interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function ownerOf(frame: CallFrame): string | undefined {
  const url = frame.url;
  if (!url) return undefined;
  if (url.startsWith('node:'))
    return `node ${url.slice('node:'.length).replace(/^internal\//, '')}`;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1];
  const app = /\/(apps|packages)\/([^/]+)\/src\/(.+?)(?:\?.*)?$/.exec(url);
  if (app) return `${app[2]}: ${app[3]}`;
  return undefined;
}

export interface Share {
  owner: string;
  ms: number;
  share: number;
}

export function summariseProfile(p: CpuProfile): { busyMs: number; shares: Share[] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ownerCache = new Map<number, string>();
  const chargeTo = (id: number): string => {
    const cached = ownerCache.get(id);
    if (cached) return cached;
    const leaf = byId.get(id)!;
    let owner: string | undefined;
    if (leaf.callFrame.functionName === '(garbage collector)') owner = 'garbage collector';
    else if (leaf.callFrame.functionName === '(idle)') owner = '(idle)';
    else if (leaf.callFrame.functionName === '(program)') owner = 'V8 / native (no JS caller)';
    for (
      let cur: number | undefined = id;
      owner === undefined && cur !== undefined;
      cur = parent.get(cur)
    ) {
      owner = ownerOf(byId.get(cur)!.callFrame);
    }
    const result = owner ?? 'native (no JavaScript caller)';
    ownerCache.set(id, result);
    return result;
  };
  const totals = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const owner = chargeTo(id);
    totals.set(owner, (totals.get(owner) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  totals.delete('(idle)');
  // The profiler's own work (an in-process inspector session) is not the profiled program's.
  totals.delete('node inspector');
  const busyMs = [...totals.values()].reduce((a, b) => a + b, 0);
  const shares = [...totals]
    .map(([owner, ms]) => ({ owner, ms, share: busyMs > 0 ? ms / busyMs : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return { busyMs, shares };
}

/** The shares in four kinds: Node's own modules, npm packages, the workspace's source, the rest. */
export function groupShares(shares: readonly Share[]): Array<{ kind: string; share: number }> {
  const kindOf = (owner: string) =>
    owner.startsWith('node ')
      ? 'Node core'
      : owner.includes(': ')
        ? 'workspace source'
        : owner === 'garbage collector'
          ? 'garbage collector'
          : owner.startsWith('native') || owner.startsWith('V8')
            ? 'native'
            : 'npm packages';
  const totals = new Map<string, number>();
  for (const s of shares) totals.set(kindOf(s.owner), (totals.get(kindOf(s.owner)) ?? 0) + s.share);
  return [...totals].map(([kind, share]) => ({ kind, share })).sort((a, b) => b.share - a.share);
}
