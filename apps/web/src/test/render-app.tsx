import type { Role, SessionUser, TargetSummary } from '@dsc/api-types';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import { createQueryClient } from '../lib/query-client.ts';
import { sessionKeys } from '../lib/session.ts';
import { targetsKeys } from '../lib/targets.ts';
import { createAppRouter } from '../router.tsx';

/** The real app (router, shell, lazy pages, query defaults) at `url`, with fetch mocked by the caller. */
export function renderApp(url: string, queryClient: QueryClient = testQueryClient()) {
  const router = createAppRouter(queryClient, {
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}

/**
 * Resolves once the effects of what has rendered so far have run. Preact runs effects after the
 * next frame, or 35 ms at the latest; a test asserting that an effect did NOT do something waits
 * for this first, or it would pass before the effect had a chance to run.
 */
export function afterEffects(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 60));
}

/** A signed-in user for tests: `testUser('viewer')` → `{ username: 'test-viewer', role: 'viewer' }`. */
export function testUser(role: Role): SessionUser {
  return { username: `test-${role}`, role, targets: { default: role } };
}

export interface TestQueryClientOptions {
  /**
   * Who the session query says is signed in (the shell's route guard reads it): an admin unless
   * told otherwise, `null` for nobody. Seeded as fresh data, so no test sees a GET /api/session.
   */
  user?: SessionUser | null;
  /**
   * What GET /api/targets says (the header's target switcher reads it): the user's targets, one
   * `default` target unless told otherwise. Seeded as fresh data, so no test sees that request.
   */
  targets?: TargetSummary[];
}

/** Production defaults, minus the retry back-off that would only slow tests down. */
export function testQueryClient(options: TestQueryClientOptions = {}): QueryClient {
  const client = createQueryClient();
  const defaults = client.getDefaultOptions();
  client.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retryDelay: 0 } });
  const user = options.user === undefined ? testUser('admin') : options.user;
  client.setQueryData(sessionKeys.all, user);
  if (user) {
    client.setQueryData(
      targetsKeys.all,
      options.targets ?? [{ id: 'default', name: 'Default', region: null, projectId: 'p-test', role: user.role, default: true }],
    );
  }
  return client;
}
