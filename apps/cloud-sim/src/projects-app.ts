import express, { type Express } from 'express';
import { createSimApp, type SimOptions } from './app.ts';
import type { SimControl } from './control.ts';

/** One project of a multi-project simulator: its own id, keys, seed, size and state. */
export interface SimProject extends SimOptions {
  projectId: string;
}

/**
 * Several projects behind one endpoint, as one region of the cloud serves many accounts: each
 * request goes to the project its path names (every upstream path is `/{version}/{project_id}/…`),
 * whose gateway checks the signature with that project's keys only — so a request signed with
 * another project's keys is refused, as the cloud would. `/_sim/projects/{id}/…` is that project's
 * admin API; `/_sim/…` the first project's.
 */
export function createSimProjectsApp(projects: readonly SimProject[]): { app: Express; controls: Map<string, SimControl> } {
  if (projects.length === 0) throw new Error('cloud-sim: at least one project is required');
  const apps = new Map<string, Express>();
  const controls = new Map<string, SimControl>();
  for (const p of projects) {
    if (apps.has(p.projectId)) throw new Error(`cloud-sim: project ${p.projectId} appears twice`);
    const { app, control } = createSimApp(p);
    apps.set(p.projectId, app);
    controls.set(p.projectId, control);
  }
  const first = apps.get(projects[0]!.projectId)!;
  const outer = express();
  outer.disable('x-powered-by');
  outer.set('etag', false);
  outer.use((req, res) => {
    const admin = /^\/_sim\/projects\/([^/]+)(\/.*)?$/.exec(req.url);
    if (admin) {
      const app = apps.get(admin[1]!);
      if (!app) {
        res.status(404).json({ error: `no project ${admin[1]} in this simulator` });
        return;
      }
      req.url = `/_sim${admin[2] ?? ''}`;
      app(req, res);
      return;
    }
    const projectId = req.url.split('/')[2] ?? '';
    (apps.get(projectId) ?? first)(req, res);
  });
  return { app: outer, controls };
}
