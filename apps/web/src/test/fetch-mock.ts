import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

export type FetchHandler = (req: RecordedRequest) => Response | Promise<Response>;

/** Replaces global fetch; every call is recorded (parsed) for assertions. */
export function mockFetch(handler: FetchHandler) {
  const requests: RecordedRequest[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const req: RecordedRequest = {
      method: init.method ?? 'GET',
      url: new URL(String(input), 'http://console.test'),
      headers: new Headers(init.headers),
      credentials: init.credentials,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(req);
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    return handler(req);
  });
  vi.stubGlobal('fetch', fn);
  return { fn, requests };
}

export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/** The BFF's whole-list view answer holding `connections` (lean rows: a host count, no hosts) on one page. */
export function viewPageResponse(connections: Record<string, unknown>[] = []): Response {
  const n = connections.length;
  return jsonResponse({ connections, count: n, total: n, page: 1, pageSize: 20, asOf: new Date().toISOString() });
}

export function consoleError(
  status: number,
  error: {
    code: string;
    message: string;
    requestId?: string;
    upstream?: { status: number; code?: string; message?: string };
  },
): Response {
  return jsonResponse({ error: { status, ...error } }, { status });
}
