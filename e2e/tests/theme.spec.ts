import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from '../fixtures.ts';

// Issue 24, dark mode: the console follows the system's colour scheme, the header's switch
// overrides it for this browser, and dark stays readable (WCAG AA contrast, as axe measures it).

const themeOf = (page: Page) => page.evaluate(() => document.documentElement.dataset.theme);
/** The page background's relative brightness, 0 (black) to 255 (white). */
const backgroundBrightness = (page: Page) =>
  page.evaluate(() => {
    const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  });

async function openList(page: Page) {
  await page.goto('/connections');
  await expect(page.getByRole('table', { name: /Enhanced connections, page/ }).locator('tbody .status-badge').first()).toBeVisible();
}

test.describe('colour theme', () => {
  test.use({ colorScheme: 'dark' });

  test.beforeEach(async ({ page }) => {
    await signIn(page, 'viewer');
  });

  test('follows a dark system, keeps AA contrast, and a switch to Light survives a reload', async ({ page }) => {
    await openList(page);
    expect(await themeOf(page)).toBe('dark');
    expect(await backgroundBrightness(page)).toBeLessThan(40);
    await screenshot(page, 'theme-dark-list');

    const contrast = await new AxeBuilder({ page }).withRules(['color-contrast']).analyze();
    expect(contrast.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`))).toEqual([]);

    const switcher = page.getByRole('banner').locator('summary', { hasText: 'Colour theme' });
    await expect(switcher).toHaveText('Colour theme: System (follow the device)');
    await switcher.click();
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await themeOf(page)).toBe('light');
    expect(await backgroundBrightness(page)).toBeGreaterThan(200);

    // Applied before the app's own scripts run: no dark flash on the next visit.
    await page.reload({ waitUntil: 'domcontentloaded' });
    expect(await themeOf(page)).toBe('light');
    await expect(switcher).toHaveText('Colour theme: Light');
    expect(await backgroundBrightness(page)).toBeGreaterThan(200);

    await switcher.click();
    await page.getByRole('radio', { name: /^System/ }).check();
    expect(await themeOf(page)).toBe('dark');
  });
});
