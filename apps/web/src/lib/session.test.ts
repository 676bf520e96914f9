import { describe, expect, it } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../test/fetch-mock.ts';
import { onUnauthorized } from './unauthorized-events.ts';
import { parseRetryAfter, permissionFor, roleCheck, signIn, signOut, SignInThrottledError } from './session.ts';

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores nonsense', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('signIn', () => {
  it('posts the credentials with the CSRF header and returns the user', async () => {
    const { requests } = mockFetch(() => jsonResponse({ user: { username: 'ann', role: 'operator', targets: { default: 'operator' } } }));
    await expect(signIn({ username: 'ann', password: 'pw' })).resolves.toEqual({ username: 'ann', role: 'operator', targets: { default: 'operator' } });
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/api/session');
    expect(req.headers.get('X-CSRF')).toBe('1');
    expect(req.credentials).toBe('same-origin');
    expect(req.body).toEqual({ username: 'ann', password: 'pw' });
  });

  it('reports a 401 as an ApiError without announcing a lost session', async () => {
    mockFetch(() => consoleError(401, { code: 'INVALID_CREDENTIALS', message: 'Wrong username or password', requestId: 'r-1' }));
    let heard = 0;
    const stop = onUnauthorized(() => heard++);
    await expect(signIn({ username: 'ann', password: 'x' })).rejects.toMatchObject({ status: 401, requestId: 'r-1' });
    stop();
    expect(heard).toBe(0);
  });

  it('carries Retry-After on a 429', async () => {
    mockFetch(() =>
      jsonResponse({ error: { status: 429, code: 'TOO_MANY_ATTEMPTS', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '90' } }),
    );
    const err = await signIn({ username: 'ann', password: 'x' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SignInThrottledError);
    expect(err).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 90 });
  });

  it('turns an unreachable server and an unexpected body into ApiErrors', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(signIn({ username: 'a', password: 'b' })).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
    mockFetch(() => jsonResponse({ user: { username: 'a', role: 'root', targets: { default: 'root' } } }));
    await expect(signIn({ username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });
});

describe('signOut', () => {
  it('deletes the session, and treats an already-gone session as done', async () => {
    const { requests } = mockFetch(() => new Response(null, { status: 204 }));
    await signOut();
    expect(requests[0]).toMatchObject({ method: 'DELETE' });
    expect(requests[0]!.url.pathname).toBe('/api/session');
    mockFetch(() => consoleError(401, { code: 'UNAUTHENTICATED', message: 'no session' }));
    await expect(signOut()).resolves.toBeUndefined();
    mockFetch(() => consoleError(503, { code: 'UNAVAILABLE', message: 'down' }));
    await expect(signOut()).rejects.toMatchObject({ status: 503 });
  });
});

describe('permissions', () => {
  it('follow the role order and say what is missing', () => {
    const viewer = { username: 'v', role: 'viewer', targets: { default: 'viewer' as const } } as const;
    const operator = { username: 'o', role: 'operator', targets: { default: 'operator' as const } } as const;
    expect(permissionFor(viewer, 'dli.listEnhancedConnections')).toEqual({ allowed: true });
    expect(permissionFor(viewer, 'dli.createEnhancedConnection')).toEqual({
      allowed: false,
      reason: 'role',
      needed: 'operator',
      role: 'viewer',
    });
    expect(permissionFor(operator, 'dli.createEnhancedConnection')).toEqual({ allowed: true });
    expect(permissionFor(null, 'dli.listEnhancedConnections')).toEqual({ allowed: false, reason: 'signed-out', needed: 'viewer' });
    expect(roleCheck(operator, 'admin')).toMatchObject({ allowed: false, needed: 'admin' });
    expect(roleCheck({ username: 'a', role: 'admin', targets: { default: 'admin' } }, 'admin')).toEqual({ allowed: true });
  });
});
