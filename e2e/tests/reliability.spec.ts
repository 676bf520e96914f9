import { expect, screenshot, signIn, sim, test } from '../fixtures.ts';

// Issue 6, as an operator sees it: a failing list says which request failed and recovers on
// Retry; a create whose answer is lost is not made twice when the operator tries again; a failed
// write keeps what was typed. Faults come from the simulator's rules (/_sim/faults).

interface SimRecord {
  requestId: string;
  operation: string | null;
  status: number | null;
  bodyText: string;
}
interface SimStats {
  creates: { enhancedConnections: number };
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('reliability', () => {
  test.afterEach(async ({ request }) => {
    await sim(request, 'POST', '/faults', []);
  });

  test('a failing list shows the request id, and Retry works once the fault clears', async ({ page, request }) => {
    await signIn(page, 'operator');
    // Persistent: it outlasts the browser's own read retries; cleared below.
    await sim(request, 'POST', '/faults', [{ operation: 'dli.listEnhancedConnections', status: 500, errorMessage: 'injected list failure' }]);
    // A name of its own: the BFF shares a list it read in the last few seconds, and this one must be read anew.
    await page.goto(`/connections?name=reliability_${unique()}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Request ID' });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    const failed = ((await sim(request, 'GET', '/requests')) as SimRecord[]).filter(
      (r) => r.operation === 'dli.listEnhancedConnections' && r.status === 500,
    );
    expect(failed.length).toBeGreaterThan(0);
    // The id support asks for is the cloud's, of a request that failed.
    const shown = (await alert.locator('code').last().textContent())?.trim();
    expect(failed.map((r) => r.requestId)).toContain(shown);
    await expect(alert).toContainText('DLI.0999');
    await screenshot(page, 'reliability-list-error-en');

    await sim(request, 'POST', '/faults', []);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Request ID' })).toHaveCount(0);
    await expect(page.getByRole('row').nth(1)).toBeVisible();
  });

  test('a create whose answer is lost is not made twice when the operator tries again, and the form keeps its values', async ({ page, request }) => {
    await signIn(page, 'operator');
    const name = `e2e_reliable_${unique()}`;
    const before = ((await sim(request, 'GET', '/stats')) as SimStats).creates.enhancedConnections;
    await sim(request, 'DELETE', '/requests');
    // The connection breaks once, after the request was sent: the outcome is unknown to the BFF.
    await sim(request, 'POST', '/faults', [{ operation: 'dli.createEnhancedConnection', kind: 'reset', times: 1 }]);

    await page.goto('/connections/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New enhanced connection' })).toBeVisible();
    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^VPC ID/).fill('vpc-e2e-rel-1');
    await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-rel-1');
    await page.getByRole('button', { name: 'Create connection' }).click();

    const failure = page.getByRole('alert').filter({ hasText: 'The connection was not created' });
    await expect(failure).toBeVisible({ timeout: 30_000 });
    await expect(failure).toContainText('UPSTREAM_UNREACHABLE');
    await expect(failure).toContainText('nothing was created, so trying again is safe');
    // Everything typed is still there.
    await expect(page).toHaveURL(/\/connections\/new$/);
    await expect(page.getByLabel(/^Name/)).toHaveValue(name);
    await expect(page.getByLabel(/^VPC ID/)).toHaveValue('vpc-e2e-rel-1');
    await expect(page.getByLabel(/^Subnet ID/)).toHaveValue('subnet-e2e-rel-1');
    await screenshot(page, 'reliability-create-lost-answer-en');

    await page.getByRole('button', { name: 'Create connection' }).click();
    await expect(page).toHaveURL(/\/connections\/(?!new)[^/]+$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    const after = ((await sim(request, 'GET', '/stats')) as SimStats).creates.enhancedConnections;
    expect(after - before).toBe(1);
    const sent = ((await sim(request, 'GET', '/requests')) as SimRecord[]).filter((r) => r.operation === 'dli.createEnhancedConnection');
    // Two attempts reached the cloud with the same body; only the second could create.
    expect(sent).toHaveLength(2);
    expect(sent[0]!.bodyText).toBe(sent[1]!.bodyText);
    expect(JSON.parse(sent[0]!.bodyText)).toMatchObject({ name });
  });

  test('a create that happened but whose answer was cut off is found, not repeated', async ({ page, request }) => {
    await signIn(page, 'operator');
    const name = `e2e_recovered_${unique()}`;
    const before = ((await sim(request, 'GET', '/stats')) as SimStats).creates.enhancedConnections;
    await sim(request, 'POST', '/faults', [{ operation: 'dli.createEnhancedConnection', kind: 'truncate', times: 1 }]);
    await page.goto('/connections/new');
    await page.getByLabel(/^Name/).fill(name);
    await page.getByLabel(/^VPC ID/).fill('vpc-e2e-rel-2');
    await page.getByLabel(/^Subnet ID/).fill('subnet-e2e-rel-2');
    await page.getByRole('button', { name: 'Create connection' }).click();
    // The BFF looked it up by name and answered with its id: the operator lands on it.
    await expect(page).toHaveURL(/\/connections\/(?!new)[^/]+$/, { timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    expect(((await sim(request, 'GET', '/stats')) as SimStats).creates.enhancedConnections - before).toBe(1);
  });

  test('when a service stops answering, a banner names it, and goes once it answers again', async ({ page, request }) => {
    // The banner polls every 30 s and the BFF caches its check 10 s: each change can take 40 s to show.
    test.setTimeout(150_000);
    await signIn(page, 'operator');
    await sim(request, 'POST', '/faults', [{ service: 'dws', status: 503 }]);
    await page.goto('/dws/clusters');
    await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
    // The failure makes the shell ask /api/status; its answer may be cached up to 10 s, then it asks every 30 s.
    const banner = page.getByRole('status').filter({ hasText: 'not answering normally' });
    await expect(banner).toHaveText(/^GaussDB\(DWS\) is not answering normally right now\./, { timeout: 45_000 });
    await screenshot(page, 'reliability-service-banner-en');
    await sim(request, 'POST', '/faults', []);
    await expect(banner).toHaveCount(0, { timeout: 75_000 });
  });
});
