import http from 'node:http';
import https from 'node:https';

/**
 * One keep-alive pool per service endpoint. LIFO reuse keeps few sockets warm, so fewer of them
 * sit idle long enough for the far side to close them under us.
 */
export function createUpstreamAgent(endpoint: URL): http.Agent {
  const options = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, scheduling: 'lifo' as const };
  return endpoint.protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
}
