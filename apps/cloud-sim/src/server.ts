import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimApp } from './app.ts';
import type { SimOptions } from './app.ts';
import type { SimControl } from './control.ts';

export interface RunningSim {
  url: string;
  port: number;
  projectId: string;
  control: SimControl;
  close(): Promise<void>;
}

/** Listens on host (default 127.0.0.1) and port (default 0 = ephemeral). */
export function startSim(opts: SimOptions & { host?: string; port?: number }): Promise<RunningSim> {
  const { host = '127.0.0.1', port = 0, ...simOpts } = opts;
  const { app, control } = createSimApp(simOpts);
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      const urlHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      resolve({
        url: `http://${urlHost}:${addr.port}`,
        port: addr.port,
        projectId: control.projectId,
        control,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive sockets would hold close() open; in-flight requests are cut.
            server.closeIdleConnections();
            setImmediate(() => server.closeAllConnections());
          }),
      });
    });
  });
}
