import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SavedViews } from '@dsc/api-types';
import { expectError, startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ signInAs: 'viewer' });
});
afterAll(async () => {
  await h?.close();
});

const failedByName = { name: 'Failed, by name', page: 'connections', search: 'queues=FAILED&sort=name', favourite: true };

describe('/api/saved-views', () => {
  it('keeps each user’s own views, server-side', async () => {
    expect(SavedViews.parse((await h.call('GET', '/api/saved-views')).json)).toEqual({ views: [] });
    const put = await h.call('PUT', '/api/saved-views', { body: { views: [failedByName] } });
    expect(put.status, put.text).toBe(200);
    expect(SavedViews.parse((await h.call('GET', '/api/saved-views')).json).views).toEqual([failedByName]);

    const other = (await h.signIn('operator')).cookie!;
    expect(SavedViews.parse((await h.call('GET', '/api/saved-views', { cookie: other })).json).views).toEqual([]);
    // A new session of the same user (another browser) sees them.
    const again = (await h.signIn('viewer')).cookie!;
    expect(SavedViews.parse((await h.call('GET', '/api/saved-views', { cookie: again })).json).views).toEqual([failedByName]);
  });

  it('records a save in the audit trail', async () => {
    await h.call('PUT', '/api/saved-views', { body: { views: [] } });
    expect(h.auditEntries().some((e) => e.operation === 'savedViews.replace' && e.user === h.users.viewer.username)).toBe(true);
  });

  it('refuses bad views with 400 naming the field, and keeps the old list', async () => {
    await h.call('PUT', '/api/saved-views', { body: { views: [failedByName] } });
    for (const [views, field] of [
      [[{ ...failedByName, name: '' }], 'views.0.name'],
      [[{ ...failedByName, search: '?x=1#y' }], 'views.0.search'],
      [[{ ...failedByName, page: 'audit' }], 'views.0.page'],
      [[failedByName, failedByName], 'views'],
    ] as const) {
      const err = expectError(await h.call('PUT', '/api/saved-views', { body: { views } }), 400, 'VALIDATION');
      expect(Object.keys(err.fields ?? {})).toContain(field);
    }
    expect(SavedViews.parse((await h.call('GET', '/api/saved-views')).json).views).toEqual([failedByName]);
  });

  it('needs a session', async () => {
    expectError(await h.call('GET', '/api/saved-views', { cookie: null }), 401, 'UNAUTHENTICATED');
  });
});
