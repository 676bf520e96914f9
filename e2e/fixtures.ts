// Shared e2e helpers: demo sign-ins and the simulator's admin API, read from the file the launcher
// writes (DEMO_CREDENTIALS_FILE in playwright.config.ts), and screenshot saving.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoFile } from './playwright.config.ts';

export type DemoRole = 'viewer' | 'operator' | 'admin';
interface DemoFile {
  users: Array<{ username: string; role: DemoRole; password: string }>;
  simUrl: string;
}

export function demo(): DemoFile {
  return JSON.parse(readFileSync(demoFile, 'utf8')) as DemoFile;
}

export function demoUser(role: DemoRole) {
  const u = demo().users.find((x) => x.role === role);
  if (!u) throw new Error(`no demo user with role ${role}`);
  return u;
}

type Cookies = Awaited<ReturnType<ReturnType<Page['context']>['cookies']>>;
const sessions = new Map<DemoRole, Cookies>();

/**
 * Signs in through the API (sharing the page's cookie jar); the sign-in form has its own spec.
 * A session is reused across tests while it is alive: the BFF throttles sign-ins per address, and
 * every spec signs in from 127.0.0.1.
 */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  const cached = sessions.get(role);
  if (cached) {
    await page.context().addCookies(cached);
    const who = await page.request.get('/api/session', { headers: { 'X-CSRF': '1' } });
    if (who.ok() && ((await who.json()) as { user: { role: string } }).user.role === role) return;
    await page.context().clearCookies();
  }
  const u = demoUser(role);
  const r = await page.request.post('/api/session', {
    headers: { 'X-CSRF': '1' },
    data: { username: u.username, password: u.password },
  });
  expect(r.status(), `sign in as ${role}`).toBe(200);
  sessions.set(role, await page.context().cookies());
}

/** The simulator's admin API (/_sim): reset state, fault rules, request log, stats. */
export async function sim(request: APIRequestContext, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown) {
  const r = await request.fetch(`${demo().simUrl}/_sim${path}`, { method, ...(data !== undefined ? { data } : {}) });
  expect(r.ok(), `sim ${method} ${path}`).toBe(true);
  return r.status() === 204 ? undefined : ((await r.json()) as unknown);
}

const shotsDir = join(import.meta.dirname, 'artifacts', 'screenshots');
/** Saves a full-page screenshot under e2e/artifacts/screenshots (kept as a CI artifact). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(shotsDir, { recursive: true });
  const path = join(shotsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export const test = base;
export { expect };
