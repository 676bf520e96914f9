import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '@dsc/signer';
import { startSim, type RunningSim } from './server.ts';

const PA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const PB = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const A = { ak: 'PROJECTAAK0000000001', sk: 'project-a-secret-key-000000000000000000' };
const B = { ak: 'PROJECTBAK0000000001', sk: 'project-b-secret-key-000000000000000000' };

let sim: RunningSim;
beforeAll(async () => {
  sim = await startSim({
    projects: [
      { projectId: PA, credentials: [A], seed: 1, enhancedConnections: 5, timing: { mode: 'immediate' } },
      { projectId: PB, credentials: [B], seed: 2, enhancedConnections: 9, timing: { mode: 'immediate' } },
    ],
  });
});
afterAll(() => sim.close());

async function list(project: string, creds: typeof A) {
  const url = `${sim.url}/v2.0/${project}/datasource/enhanced-connections?limit=0`;
  const headers = { host: new URL(url).host };
  const signed = sign({ method: 'GET', url, headers, body: '' }, creds, { now: new Date() });
  const res = await fetch(url, { headers: { ...headers, ...signed } });
  return { status: res.status, json: (await res.json()) as { count?: number; error_code?: string } };
}

describe('a simulator serving several projects', () => {
  it('gives each project its own data', async () => {
    expect((await list(PA, A)).json.count).toBe(5);
    expect((await list(PB, B)).json.count).toBe(9);
    expect([...sim.projects.keys()]).toEqual([PA, PB]);
  });

  it('checks a project’s signature with that project’s keys only', async () => {
    const crossed = await list(PB, A);
    expect(crossed.status).toBe(401);
    expect(crossed.json.error_code).toBe('APIGW.0301');
    expect(sim.projects.get(PB)!.requests().at(-1)!.signature).not.toBe('ok');
  });

  it('serves each project’s admin API under /_sim/projects/{id}', async () => {
    const inv = await fetch(`${sim.url}/_sim/projects/${PB}/inventory`);
    expect(((await inv.json()) as { projectId: string }).projectId).toBe(PB);
    expect((await fetch(`${sim.url}/_sim/projects/ffff/inventory`)).status).toBe(404);
    const first = await fetch(`${sim.url}/_sim/inventory`);
    expect(((await first.json()) as { projectId: string }).projectId).toBe(PA);
  });
});
