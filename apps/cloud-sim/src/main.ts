import { randomCredentials } from './credentials.ts';
import { startSim } from './server.ts';
import type { RunningSim } from './server.ts';
import { parseTiming } from './timing.ts';

function intEnv(name: string): number | undefined {
  const v = process.env[name];
  if (v === undefined || v === '') return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`${name} must be a whole number`);
  return Number(v);
}

async function main(): Promise<void> {
  // Handlers go in first, so a signal during start-up still ends the process cleanly.
  const running: { sim?: RunningSim } = {};
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`[cloud-sim] ${signal}: closing`);
    (running.sim ? running.sim.close() : Promise.resolve()).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  const envAk = process.env.SIM_AK || undefined;
  const envSk = process.env.SIM_SK || undefined;
  if ((envAk === undefined) !== (envSk === undefined)) throw new Error('set both SIM_AK and SIM_SK, or neither');
  const creds = envAk && envSk ? { ak: envAk, sk: envSk } : randomCredentials();
  const seed = intEnv('SIM_SEED');
  const enhancedConnections = intEnv('SIM_ENHANCED_CONNECTIONS');
  const sim = await startSim({
    host: process.env.SIM_HOST || '127.0.0.1',
    port: intEnv('SIM_PORT') ?? 4010,
    credentials: [creds],
    ...(process.env.SIM_PROJECT_ID ? { projectId: process.env.SIM_PROJECT_ID } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(enhancedConnections !== undefined ? { enhancedConnections } : {}),
    ...(process.env.SIM_TIMING ? { timing: parseTiming(process.env.SIM_TIMING) } : {}),
    logRequests: true,
  });
  running.sim = sim;
  // The SK is never printed; with random credentials it is unknowable, use SIM_AK/SIM_SK to sign.
  console.log(
    `[cloud-sim] AK=${creds.ak} (SK hidden)${envAk ? '' : ' - random throw-away credentials'}\n` +
      `[cloud-sim] listening on ${sim.url} project=${sim.projectId}`,
  );
}

main().catch((err: unknown) => {
  console.error(`[cloud-sim] failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
