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
  withDemoUpstream,
} from '../apps/bff/src/index.ts';
import { randomCredentials, startSim } from '../apps/cloud-sim/src/index.ts';
import { parseTiming } from '../apps/cloud-sim/src/timing.ts';
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
    const credentials = randomCredentials();
    const sim = await startSim({
      credentials: [credentials],
      host: '127.0.0.1',
      port: 0,
      ...(process.env.SIM_TIMING ? { timing: parseTiming(process.env.SIM_TIMING) } : { timing: { mode: 'seconds', seconds: 4 } }),
      ...(process.env.SIM_ENHANCED_CONNECTIONS ? { enhancedConnections: Number(process.env.SIM_ENHANCED_CONNECTIONS) } : {}),
    });
    closers.push(() => sim.close());
    const demo = await prepareDemoUsers(config, { simUrl: sim.url });
    config = withDemoUpstream(demo.config, {
      credentials,
      projectId: sim.projectId,
      endpoint: sim.url,
    });
    banner = [
      'Demo mode: no HUAWEICLOUD_SDK_AK/SK configured, so the console runs on the bundled cloud simulator',
      `  (simulator at ${sim.url}, throw-away credentials; nothing reaches a real cloud).`,
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
