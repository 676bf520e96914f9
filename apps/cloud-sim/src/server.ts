import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSimApp } from './app.ts';
import type { SimOptions } from './app.ts';
import type { SimControl } from './control.ts';
import { createSimProjectsApp, type SimProject } from './projects-app.ts';

export interface RunningSim {
  url: string;
  port: number;
  projectId: string;
  control: SimControl;
  /** Every project's control, by project id (one entry unless started with `projects`). */
  projects: Map<string, SimControl>;
  close(): Promise<void>;
}

/** One project (SimOptions), or several behind one endpoint (`projects`, the first is `control`). */
export type StartOptions = (SimOptions | { projects: SimProject[] }) & { host?: string; port?: number };

/** Listens on host (default 127.0.0.1) and port (default 0 = ephemeral). */
export function startSim(opts: StartOptions): Promise<RunningSim> {
  const { host = '127.0.0.1', port = 0, ...simOpts } = opts;
  let app: ReturnType<typeof createSimApp>['app'];
  let projects: Map<string, SimControl>;
  if ('projects' in simOpts) {
    ({ app, controls: projects } = createSimProjectsApp(simOpts.projects));
  } else {
    const single = createSimApp(simOpts);
    app = single.app;
    projects = new Map([[single.control.projectId, single.control]]);
  }
  const control = projects.values().next().value!;
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
        projects,
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
