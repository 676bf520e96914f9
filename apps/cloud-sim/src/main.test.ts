import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sign } from '@dsc/signer';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, SIM_PORT: '0', SIM_ENHANCED_CONNECTIONS: '10', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line:\n${out}`)), 15_000);
    child.stdout?.on('data', () => {
      const m = /listening on (http:\/\/\S+) project=(\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, output: () => out };
}

describe('standalone entry point', () => {
  it('serves with SIM_* settings, never prints the SK, and closes on SIGTERM', async () => {
    const creds = { ak: 'MAINTESTAK0000000001', sk: 'main-test-sk-must-not-be-printed-000000' };
    const sim = run({ SIM_AK: creds.ak, SIM_SK: creds.sk, SIM_PROJECT_ID: 'abcdef0123456789abcdef0123456789', SIM_TIMING: 'reads:2' });
    const base = await sim.url;
    const url = `${base}/v1.0/abcdef0123456789abcdef0123456789/clusters`;
    const headers: Record<string, string> = { host: new URL(url).host };
    Object.assign(headers, sign({ method: 'GET', url, headers, body: '' }, creds));
    expect((await fetch(url, { headers })).status).toBe(200);
    const inv = (await (await fetch(`${base}/_sim/inventory`)).json()) as { timing: unknown; enhancedConnections: number };
    expect(inv).toMatchObject({ timing: { mode: 'reads', reads: 2 }, enhancedConnections: 10 });
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
    expect(sim.output()).toContain(`AK=${creds.ak} (SK hidden)`);
    expect(sim.output()).not.toContain(creds.sk);
  });

  it('makes up throw-away credentials when none are given', async () => {
    const sim = run({ SIM_AK: '', SIM_SK: '' });
    await sim.url;
    sim.child.kill('SIGTERM');
    expect(await sim.exited).toBe(0);
    expect(sim.output()).toMatch(/AK=[A-Z0-9]{20} \(SK hidden\)/);
  });
});
