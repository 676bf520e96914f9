// Demo mode's fleet: three targets on the bundled simulator — production in two regions and a
// staging project — each with its own project id, throw-away keys, seed and size, so the fleet
// view has something to show on a fresh clone. One simulator per region, as the cloud has one
// endpoint per region; the staging project shares production's region (and endpoint).
import type { DemoTarget } from '../apps/bff/src/index.ts';
import { randomCredentials, startSim, type RunningSim, type Timing } from '../apps/cloud-sim/src/index.ts';
import { DEFAULT_PROJECT_ID } from '../apps/cloud-sim/src/index.ts';

interface Plan {
  id: string;
  name: string;
  region: string;
  projectId: string;
  seed: number;
  size: number;
}

export async function startDemoFleet(o: { timing: Timing; defaultSize: number | undefined }): Promise<{
  targets: DemoTarget[];
  sims: RunningSim[];
  bannerLines: string[];
}> {
  // The first keeps the simulator's historic project, seed and size: the default target of every
  // existing link, test and benchmark.
  const plans: Plan[] = [
    { id: 'prod-bj4', name: 'Production Beijing', region: 'cn-north-4', projectId: DEFAULT_PROJECT_ID, seed: 20240917, size: o.defaultSize ?? 300 },
    { id: 'prod-sg1', name: 'Production Singapore', region: 'ap-southeast-1', projectId: '5c1e9d2b7a4f4e0c9b3d6a8f1e2c4b7d', seed: 7, size: 120 },
    { id: 'staging-bj4', name: 'Staging Beijing', region: 'cn-north-4', projectId: '9e8d7c6b5a4f4e3d2c1b0a9f8e7d6c5b', seed: 42, size: 40 },
  ];
  const keys = new Map(plans.map((p) => [p.id, randomCredentials()]));
  const regions = [...new Set(plans.map((p) => p.region))];
  const sims = await Promise.all(
    regions.map((region) =>
      startSim({
        host: '127.0.0.1',
        port: 0,
        projects: plans
          .filter((p) => p.region === region)
          .map((p) => ({ projectId: p.projectId, credentials: [keys.get(p.id)!], seed: p.seed, enhancedConnections: p.size, timing: o.timing })),
      }),
    ),
  );
  const urlOf = (region: string) => sims[regions.indexOf(region)]!.url;
  const targets: DemoTarget[] = plans.map((p) => ({
    id: p.id,
    name: p.name,
    region: p.region,
    projectId: p.projectId,
    credentials: keys.get(p.id)!,
    endpoint: urlOf(p.region),
  }));
  return {
    targets,
    sims,
    bannerLines: [
      'Demo targets (throw-away keys on the simulator; nothing reaches a real cloud):',
      ...plans.map((p) => `  ${p.id.padEnd(12)} ${p.name.padEnd(22)} ${p.region.padEnd(15)} ${String(p.size).padStart(5)} connections  ${urlOf(p.region)}`),
    ],
  };
}
