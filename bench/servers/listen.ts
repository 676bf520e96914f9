// The tail every bench floor server shares: listen on loopback with long keep-alive (the load
// generator's sockets stay open across a run), tell the benchmark the port over IPC, exit on SIGTERM.
import type { Server } from 'node:http';

export function listenAndReport(server: Server): void {
  server.keepAliveTimeout = 300_000;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.send?.({ type: 'ready', port: typeof addr === 'object' && addr ? addr.port : 0 });
  });
  process.on('SIGTERM', () => process.exit(0));
}
