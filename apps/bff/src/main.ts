import 'dotenv/config';
import { ConfigError, loadConfig } from './config.ts';
import { shutDownGracefully } from './graceful-shutdown.ts';
import { createHttpServer } from './http-server.ts';
import { createLogDestination } from './log-destination.ts';
import { createLogger } from './logging.ts';
import { createServer } from './server.ts';

/** After SHUTDOWN_TIMEOUT_MS, the time left to close the store and audit file and flush logs. */
const EXIT_MARGIN_MS = 750;

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
  const logs = createLogDestination();
  const logger = createLogger(config.logLevel, logs);
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
    // The process ends by SHUTDOWN_TIMEOUT_MS + 1 s whatever hangs: a store that does not answer,
    // or a log destination nobody reads (its lines are then lost, never waited for).
    const hardStopAt = Date.now() + config.shutdownTimeoutMs + EXIT_MARGIN_MS;
    setTimeout(() => process.exit(1), hardStopAt - Date.now()).unref();
    const exit = (code: number) => {
      void logs.settle(Math.max(0, hardStopAt - Date.now() - 50)).then(() => process.exit(code));
    };
    shutDownGracefully({ server, bff, logger, deadlineMs: config.shutdownTimeoutMs, reason: signal }).then(
      () => exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start();
