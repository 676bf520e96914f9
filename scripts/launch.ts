// The root launcher: real mode hands over to the BFF; demo mode (no AK/SK) starts the simulator
// in-process with throw-away credentials and plugs it into the BFF. The BFF never imports the
// simulator; only this launcher and tests start both.
import { existsSync } from 'node:fs';
import {
  ConfigError,
  createHttpServer,
  createLogger,
  createServer,
  loadConfig,
  shutDownGracefully,
  withDemoTargets,
} from '../apps/bff/src/index.ts';
import { parseTiming } from '../apps/cloud-sim/src/timing.ts';
import { startDemoFleet } from './demo-targets.ts';
import { prepareDemoUsers } from './demo-users.ts';

function fail(err: unknown): never {
  console.error(err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err));
  process.exit(1);
}

async function main(): Promise<void> {
  // An optional .env beside the repo root; real environment variables win over it.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config = loadConfig(process.env);
  const closers: Array<() => Promise<void>> = [];
  let banner: string[] = [];

  if (config.mode === 'demo') {
    const fleet = await startDemoFleet({
      timing: process.env.SIM_TIMING ? parseTiming(process.env.SIM_TIMING) : { mode: 'seconds', seconds: 4 },
      defaultSize: process.env.SIM_ENHANCED_CONNECTIONS ? Number(process.env.SIM_ENHANCED_CONNECTIONS) : undefined,
    });
    for (const sim of fleet.sims) closers.push(() => sim.close());
    const demo = await prepareDemoUsers(config, {
      simUrl: fleet.sims[0]!.url,
      targets: fleet.targets.map((t) => ({ id: t.id, simUrl: typeof t.endpoint === 'string' ? t.endpoint : t.endpoint.dli, projectId: t.projectId })),
    });
    config = withDemoTargets(demo.config, fleet.targets);
    banner = [
      'Demo mode: no HUAWEICLOUD_SDK_AK/SK configured, so the console runs on the bundled cloud simulator.',
      ...fleet.bannerLines,
      ...demo.bannerLines,
    ];
  }

  const logger = createLogger(config.logLevel);
  const bff = createServer(config, { logger });
  const server = createHttpServer(bff.app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    ['', `Datasource Console is running at http://${config.host}:${port}/`, ...banner, 'Stop with Ctrl+C.', ''].join('\n'),
  );

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    // The BFF drains first (in-flight requests finish, the audit trail is synced), then the simulator.
    void shutDownGracefully({ server, bff, logger, deadlineMs: config.shutdownTimeoutMs, reason })
      .then(() => Promise.allSettled(closers.map((c) => c())))
      .then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch(fail);
