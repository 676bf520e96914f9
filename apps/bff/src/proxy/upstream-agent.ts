import http from 'node:http';
import https from 'node:https';

const MAX_SOCKETS = 64;

/**
 * One keep-alive pool per service endpoint. LIFO reuse keeps few sockets warm, so fewer of them
 * sit idle long enough for the far side to close them under us. maxFreeSockets equals maxSockets:
 * a smaller free pool closes sockets as soon as a burst ends, and at 50 concurrent requests every
 * burst then opens fresh connections (the benchmark saw 253 opened for 642 requests).
 */
export function createUpstreamAgent(endpoint: URL): http.Agent {
  const options = { keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_SOCKETS, scheduling: 'lifo' as const };
  return endpoint.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}
