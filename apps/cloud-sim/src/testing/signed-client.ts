import { sign } from '@dsc/signer';
import { startSim } from '../server.ts';
import type { RunningSim } from '../server.ts';
import type { SimOptions } from '../app.ts';

export const TEST_CREDS = { ak: 'SIMTESTAK00000000001', sk: 'sim-test-secret-key-0000000000000000000' };

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface CallOptions {
  /** Sign as if at this time (default: the simulator's clock, which tests may skew). */
  now?: Date;
  creds?: { ak: string; sk: string; securityToken?: string };
  unsigned?: boolean;
  /** Change the request after signing (tampering tests). */
  afterSign?: (req: { headers: Record<string, string>; body: string; url: string }) => void;
  headers?: Record<string, string>;
}

export interface TestSim {
  sim: RunningSim;
  /** `{p}` in the path is replaced by the project id. */
  call(method: string, path: string, body?: unknown, opts?: CallOptions): Promise<CallResult>;
  admin(method: string, path: string, body?: unknown): Promise<CallResult>;
  close(): Promise<void>;
}

async function toResult(res: Response): Promise<CallResult> {
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export async function startTestSim(opts: Partial<SimOptions> = {}): Promise<TestSim> {
  const sim = await startSim({ credentials: [TEST_CREDS], timing: { mode: 'immediate' }, ...opts });
  const call: TestSim['call'] = async (method, path, body, o = {}) => {
    const url = sim.url + path.replace('{p}', sim.projectId);
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = {
      host: new URL(url).host,
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...o.headers,
    };
    if (!o.unsigned) {
      const now = o.now ?? new Date(Date.now() + sim.control.clockOffset());
      Object.assign(headers, sign({ method, url, headers, body: text }, o.creds ?? TEST_CREDS, { now }));
    }
    const req = { headers, body: text, url };
    o.afterSign?.(req);
    return toResult(await fetch(req.url, { method, headers: req.headers, ...(req.body ? { body: req.body } : {}) }));
  };
  const admin: TestSim['admin'] = async (method, path, body) =>
    toResult(
      await fetch(`${sim.url}/_sim${path}`, {
        method,
        ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      }),
    );
  return { sim, call, admin, close: () => sim.close() };
}

export interface RawResult {
  status: number;
  contentLength: number | undefined;
  received: number;
  /** Set when the connection ended before Content-Length bytes arrived. */
  error: string | undefined;
}

/** A signed request over node:http, counting the bytes that actually arrive. */
export async function rawCall(t: TestSim, method: string, path: string, body: unknown): Promise<RawResult> {
  const { request } = await import('node:http');
  const url = t.sim.url + path.replace('{p}', t.sim.projectId);
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { host: new URL(url).host, 'content-type': 'application/json' };
  Object.assign(headers, sign({ method, url, headers, body: text }, TEST_CREDS, { now: new Date(Date.now() + t.sim.control.clockOffset()) }));
  return new Promise((resolve) => {
    const req = request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(text)) } }, (res) => {
      let received = 0;
      const cl = res.headers['content-length'];
      const done = (error: string | undefined) =>
        resolve({ status: res.statusCode ?? 0, contentLength: cl === undefined ? undefined : Number(cl), received, error });
      res.on('data', (chunk: Buffer) => (received += chunk.length));
      res.on('end', () => done(undefined));
      res.on('error', (e) => done(e.message));
      res.on('aborted', () => done('aborted'));
    });
    req.on('error', (e) => resolve({ status: 0, contentLength: undefined, received: 0, error: e.message }));
    req.end(text);
  });
}
