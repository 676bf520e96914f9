import { describe, expect, it, vi } from 'vitest';
import { consoleError, jsonResponse, mockFetch } from '../test/fetch-mock.ts';
import { apiRequest, bffRequest, buildUrl } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { onUnauthorized } from './unauthorized-events.ts';
import { z } from 'zod';

const connection = {
  id: 'c-1',
  name: 'withvpc',
  status: 'ACTIVE',
  dest_vpc_id: 'vpc-1',
  dest_network_id: 'net-1',
  create_time: 1_700_000_000_000,
};

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected the request to fail');
}

describe('apiRequest', () => {
  it('sends X-CSRF and the same-origin cookie, builds the query and parses the body with the schema', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({ is_success: true, count: '1', connections: [connection] }),
    );

    const res = await apiRequest('dli.listEnhancedConnections', {
      query: { limit: '20', offset: '40', name: 'a b' },
    });

    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.method).toBe('GET');
    expect(req.url.pathname).toBe('/api/dli/enhanced-connections');
    expect(Object.fromEntries(req.url.searchParams)).toEqual({
      limit: '20',
      offset: '40',
      name: 'a b',
    });
    expect(req.headers.get('X-CSRF')).toBe('1');
    expect(req.credentials).toBe('same-origin');
    // Quirks normalised once: a string count becomes a number, missing arrays become [].
    expect(res.count).toBe(1);
    expect(res.connections[0]?.available_queue_info).toEqual([]);
    expect(res.connections[0]?.hosts).toEqual([]);
  });

  it('fills and encodes path parameters', async () => {
    const { requests } = mockFetch(() => jsonResponse({ ...connection, is_success: true }));
    await apiRequest('dli.getEnhancedConnection', { params: { connection_id: 'a b/c' } });
    expect(requests[0]!.url.pathname).toBe('/api/dli/enhanced-connections/a%20b%2Fc');
  });

  it('sends a JSON body with its content type on writes', async () => {
    const { requests } = mockFetch(() => jsonResponse({ is_success: true }));
    await apiRequest('dli.associateQueue', {
      params: { connection_id: 'c-1' },
      body: { queues: ['q1'] },
    });
    const req = requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/api/dli/enhanced-connections/c-1/associate-queue');
    expect(req.headers.get('Content-Type')).toBe('application/json');
    expect(req.headers.get('X-CSRF')).toBe('1');
    expect(req.body).toEqual({ queues: ['q1'] });
  });

  it('adds caller headers such as Idempotency-Key but never lets them replace X-CSRF', async () => {
    const { requests } = mockFetch(() => jsonResponse({ is_success: true }));
    await apiRequest('dli.associateQueue', {
      params: { connection_id: 'c-1' },
      body: { queues: ['q1'] },
      headers: { 'Idempotency-Key': 'key-1', 'x-csrf': '0', 'content-type': 'text/plain' },
    });
    const req = requests[0]!;
    expect(req.headers.get('Idempotency-Key')).toBe('key-1');
    expect(req.headers.get('X-CSRF')).toBe('1');
    expect(req.headers.get('Content-Type')).toBe('application/json');
  });

  it('turns the console error shape into an ApiError with every detail', async () => {
    mockFetch(() =>
      jsonResponse(
        {
          error: {
            code: 'UPSTREAM_ERROR',
            message: 'The object does not exist',
            status: 404,
            requestId: 'req-123',
            upstream: { status: 404, code: 'DLI.0002', message: 'not found' },
            fields: { 'hosts.0.ip': 'must be an IPv4 address' },
          },
        },
        { status: 404, headers: { 'X-Request-Id': 'header-id' } },
      ),
    );
    const err = await caught(
      apiRequest('dli.getEnhancedConnection', { params: { connection_id: 'nope' } }),
    );
    expect(err).toMatchObject({
      status: 404,
      code: 'UPSTREAM_ERROR',
      message: 'The object does not exist',
      requestId: 'req-123',
      upstream: { status: 404, code: 'DLI.0002', message: 'not found' },
      fields: { 'hosts.0.ip': 'must be an IPv4 address' },
    });
  });

  it('takes the request id from X-Request-Id when the body has none', async () => {
    mockFetch(() =>
      jsonResponse(
        { error: { code: 'FORBIDDEN', message: 'no', status: 403 } },
        { status: 403, headers: { 'X-Request-Id': 'hdr-9' } },
      ),
    );
    const err = await caught(apiRequest('dws.listClusters'));
    expect(err.requestId).toBe('hdr-9');
    expect(err.code).toBe('FORBIDDEN');
  });

  it('makes a generic ApiError of a non-JSON error body, keeping status and request id', async () => {
    mockFetch(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'X-Request-Id': 'gw-1' },
        }),
    );
    const err = await caught(apiRequest('dws.listClusters'));
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(502);
    expect(err.code).toBe('HTTP_ERROR');
    expect(err.requestId).toBe('gw-1');
    expect(err.upstream).toBeUndefined();
  });

  it('refuses a success body that does not match the operation schema', async () => {
    mockFetch(() => jsonResponse({ clusters: 'not a list' }));
    const err = await caught(apiRequest('dws.listClusters'));
    expect(err.code).toBe('INVALID_RESPONSE');
    expect(err.status).toBe(200);
  });

  it('loads a lazy schema while the request is in flight; a load that fails is a network error', async () => {
    let answered = false;
    mockFetch(async () => {
      await new Promise((r) => setTimeout(r, 10));
      answered = true;
      return jsonResponse({ ok: true });
    });
    let loadStartedBeforeAnswer: boolean | undefined;
    const value = await bffRequest({
      method: 'GET',
      path: '/api/x',
      schema: async () => {
        loadStartedBeforeAnswer = !answered;
        return z.object({ ok: z.boolean() });
      },
    });
    expect(loadStartedBeforeAnswer).toBe(true);
    expect(value).toEqual({ ok: true });

    mockFetch(() => jsonResponse({ ok: true }));
    const err = await caught(
      bffRequest({ method: 'GET', path: '/api/x', schema: () => Promise.reject(new Error('chunk load failed')) }),
    );
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  it('reports an unreachable server as a network ApiError, but lets an abort through', async () => {
    mockFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const err = await caught(apiRequest('dws.listClusters'));
    expect(err).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });

    const controller = new AbortController();
    controller.abort();
    await expect(
      apiRequest('dws.listClusters', { signal: controller.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('announces a 401 to subscribers, unless the caller opts out', async () => {
    mockFetch(() =>
      consoleError(401, { code: 'UNAUTHENTICATED', message: 'sign in first', requestId: 'r-401' }),
    );
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);

    await caught(apiRequest('dws.listClusters'));
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]![0]).toMatchObject({ status: 401, requestId: 'r-401' });

    await caught(
      bffRequest({
        method: 'POST',
        path: '/api/session',
        schema: z.unknown(),
        notifyUnauthorized: false,
      }),
    );
    expect(listener).toHaveBeenCalledTimes(1);

    unsubscribe();
    await caught(apiRequest('dws.listClusters'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('does not announce other errors as 401', async () => {
    mockFetch(() => consoleError(403, { code: 'FORBIDDEN', message: 'no' }));
    const listener = vi.fn();
    const unsubscribe = onUnauthorized(listener);
    await caught(apiRequest('dws.listClusters'));
    unsubscribe();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('apiRequest types (checked by typecheck)', () => {
  it('requires path parameters and bodies exactly where the operation has them', () => {
    // Never called: these lines exist for the compiler.
    const _unused = [
      // @ts-expect-error connection_id is required
      () => apiRequest('dli.getEnhancedConnection'),
      // @ts-expect-error this operation takes no body
      () => apiRequest('dws.listClusters', { body: {} }),
      // @ts-expect-error a create needs its body
      () => apiRequest('dli.createEnhancedConnection', {}),
      // @ts-expect-error limit is a query-string value
      () => apiRequest('dli.listEnhancedConnections', { query: { limit: 20 } }),
    ];
    expect(_unused).toHaveLength(4);
  });
});

describe('buildUrl', () => {
  it('leaves out undefined and null values and encodes the rest', () => {
    expect(buildUrl('/api/x', { a: '1', b: undefined, c: null, d: 'x&y' })).toBe(
      '/api/x?a=1&d=x%26y',
    );
    expect(buildUrl('/api/x', {})).toBe('/api/x');
  });
});
