import 'dotenv/config';
import { ConfigError, loadConfig } from './config.ts';
import { shutDownGracefully } from './graceful-shutdown.ts';
import { createHttpServer } from './http-server.ts';
import { createLogger } from './logging.ts';
import { createServer } from './server.ts';

function start(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  let bff;
  try {
    bff = createServer(config, { logger });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const server = createHttpServer(bff.app);
  server.listen(config.port, config.host, () => {
    // The bound port (PORT=0 picks a free one).
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info({ host: config.host, port, mode: config.mode }, `BFF listening on http://${config.host}:${port}`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    shutDownGracefully({ server, bff, logger, deadlineMs: config.shutdownTimeoutMs, reason: signal }).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start();
