import { defineConfig } from '@playwright/test';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 8181);
export const baseURL = `http://127.0.0.1:${port}`;
// Per port, so two runs on different ports (two developers, a bench) never read each other's sign-ins.
export const demoFile = join(import.meta.dirname, 'artifacts', `demo-credentials-${port}.json`);
const reportDir = process.env.TEST_REPORT_DIR ?? join(import.meta.dirname, 'artifacts');

export default defineConfig({
  testDir: './tests',
  outputDir: `./artifacts/test-results-${port}`,
  fullyParallel: false,
  // The demo server's state is shared; two cores. One worker keeps runs deterministic.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: join(reportDir, 'playwright.json') }]],
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The flags of `pnpm start` (apps/bff/src/node-flags.ts), so the e2e console runs as production does.
    command: 'node --initial-old-space-size=128 ../scripts/start.mjs',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_CREDENTIALS_FILE: demoFile,
      SIM_TIMING: 'seconds:2',
      LOG_LEVEL: 'warn',
    },
  },
});
