/** Debian's Chromium through Playwright, with a long-task recorder in every page. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LongTask {
  start: number;
  duration: number;
}

export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM)
    ? undefined
    : `${CHROMIUM} is not installed (apt-get install chromium)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (cold HTTP cache) whose pages record long tasks from their very start and offer
 * `window.__rows()`: the rows of the page's table (one tbody per connection in the connections
 * table, else plain body rows). Defined here because the console's CSP forbids eval in the page.
 */
export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    viewport: { width: 1366, height: 900 },
  });
  // tsx compiles this file with esbuild's keepNames: functions passed to the page call __name().
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(() => {
    const w = window as unknown as { __longtasks: Array<{ start: number; duration: number }> };
    w.__longtasks = [];
    (window as unknown as { __rows: () => Element[] }).__rows = () => {
      const groups = document.querySelectorAll('tbody.connection-group');
      if (groups.length > 0) return [...groups];
      return [...document.querySelectorAll('table tbody tr')].filter(
        (r) => !/skeleton|spacer/.test(r.className) && !r.querySelector('.data-table__empty'),
      );
    };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          w.__longtasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // no Long Tasks API: the list stays empty and the report says so
    }
  });
  return context;
}

export async function signInAs(
  context: BrowserContext,
  users: ReadonlyArray<{ username: string; role: string; password: string }>,
  role: string,
): Promise<void> {
  const user = users.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  const r = await context.request.post('/api/session', {
    headers: { 'X-CSRF': '1' },
    data: { username: user.username, password: user.password },
  });
  if (r.status() !== 200) throw new Error(`signing in as ${role} answered ${r.status()}`);
}

export async function longTasks(
  page: Page,
  from = 0,
  to = Number.POSITIVE_INFINITY,
): Promise<LongTask[]> {
  const all = await page.evaluate(
    () => (window as unknown as { __longtasks?: LongTask[] }).__longtasks ?? [],
  );
  return all.filter((t) => t.start + t.duration >= from && t.start <= to);
}

export async function now(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** JS heap and DOM node counts from the DevTools protocol, after a full collection (what is retained). */
export async function pageMetrics(
  page: Page,
): Promise<{ jsHeapUsed: number; jsHeapTotal: number; nodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return {
    jsHeapUsed: get('JSHeapUsedSize'),
    jsHeapTotal: get('JSHeapTotalSize'),
    nodes: get('Nodes'),
  };
}

export function longTaskSummary(tasks: readonly LongTask[]): {
  count: number;
  max: number;
  total: number;
} {
  return {
    count: tasks.length,
    max: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    total: tasks.reduce((s, t) => s + t.duration, 0),
  };
}
