/**
 * Canned upstream answers for the overhead benchmark, taken from the simulator's own seeded state:
 * nginx then serves bodies as large and as shaped as the real list and a small read.
 */
import { sign } from '@dsc/signer';
import { randomCredentials, startSim } from 'cloud-sim';

export interface CannedAnswer {
  /** The upstream path (what nginx matches and the BFF signs). */
  upstreamPath: string;
  /** The browser-facing BFF path with its query. */
  bffPath: string;
  /** The query string both sides send (nginx ignores it). */
  query: string;
  body: Buffer;
}

export interface CannedUpstream {
  projectId: string;
  list: CannedAnswer;
  small: CannedAnswer;
}

export const LIST_LIMIT = 100;

export async function cannedFromSimulator(): Promise<CannedUpstream> {
  const credentials = randomCredentials();
  const sim = await startSim({
    credentials: [credentials],
    timing: { mode: 'immediate' },
    logRequests: false,
  });
  try {
    const get = async (path: string): Promise<Buffer> => {
      const url = sim.url + path;
      const headers: Record<string, string> = {
        host: new URL(url).host,
        'content-type': 'application/json',
      };
      Object.assign(headers, sign({ method: 'GET', url, headers, body: '' }, credentials));
      const res = await fetch(url, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200)
        throw new Error(`simulator answered ${res.status} for ${path.split('?')[0]}`);
      return body;
    };
    const p = sim.projectId;
    const listPath = `/v2.0/${p}/datasource/enhanced-connections`;
    const listQuery = `limit=${LIST_LIMIT}&offset=0`;
    const basic = sim.control.inventory().basicConnections[0];
    if (!basic) throw new Error('the simulator seeded no basic connection');
    const smallPath = `/v2.0/${p}/datasource-connection/${basic.connection_id}`;
    return {
      projectId: p,
      list: {
        upstreamPath: listPath,
        bffPath: '/api/dli/enhanced-connections',
        query: listQuery,
        body: await get(`${listPath}?${listQuery}`),
      },
      small: {
        upstreamPath: smallPath,
        bffPath: `/api/dli/basic-connections/${basic.connection_id}`,
        query: '',
        body: await get(smallPath),
      },
    };
  } finally {
    await sim.close();
  }
}
