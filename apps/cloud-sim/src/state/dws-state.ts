import type { z } from 'zod';
import type { CreateExtDataSourceBody, ReconfigureBody } from '@dsc/api-types';
import { dwsErrors } from '../http/service-error.ts';
import type { Prng } from '../prng.ts';
import { progressOf, startTransition } from '../timing.ts';
import type { SimEnv } from './env.ts';
import { renderCluster, renderJob, renderSource } from './dws-render.ts';
import type { DwsClusterRec, DwsJobRec, ExtSourceRec, JobEffect, StatusForm } from './dws-types.ts';

type CreateBody = z.output<typeof CreateExtDataSourceBody>;
const FORMS: readonly StatusForm[] = ['number', 'numeric-string', 'name'];
const JOB_NAMES: Record<JobEffect['kind'], string> = {
  create: 'createExtDataSource',
  reconfigure: 'updateExtDataSource',
  delete: 'deleteExtDataSource',
};

export interface DwsSeed {
  clusters: DwsClusterRec[];
  sources: ExtSourceRec[];
  jobs: DwsJobRec[];
}

export class DwsState {
  private readonly jobs: Map<string, DwsJobRec>;

  constructor(
    private readonly seed: DwsSeed,
    private readonly env: SimEnv,
    private readonly prng: Prng,
  ) {
    this.jobs = new Map(seed.jobs.map((j) => [j.jobId, j]));
  }

  ids() {
    return {
      clusters: this.seed.clusters.map((c) => ({ id: c.id, name: c.name, status: c.status })),
      jobs: [...this.jobs.keys()],
    };
  }

  listClusters() {
    return { clusters: this.seed.clusters.map(renderCluster), count: this.seed.clusters.length };
  }

  listSources(clusterId: string, projectId: string) {
    this.cluster(clusterId);
    const sources = this.sourcesOf(clusterId);
    sources.forEach((s) => this.settleSource(s, true));
    const visible = this.sourcesOf(clusterId);
    return { data_sources: visible.map(renderSource), project_id: projectId, cluster_id: clusterId, type: null, count: visible.length };
  }

  create(clusterId: string, body: CreateBody): { id: string; job_id: string } {
    this.writableCluster(clusterId);
    if (this.sourcesOf(clusterId).some((s) => s.name === body.data_source_name)) {
      throw dwsErrors.exists(`The data source ${body.data_source_name} already exists in this cluster.`);
    }
    const now = this.env.now();
    const s: ExtSourceRec = {
      id: this.prng.uuid(),
      clusterId,
      name: body.data_source_name,
      type: body.type,
      connectInfo: body.connect_info ?? null,
      userName: body.user_name,
      version: body.type === 'MRS' ? 'MRS 3.1.0' : '1.0',
      configure: 'CREATING',
      form: FORMS[this.seed.sources.length % FORMS.length] ?? 'name',
      dataSourceId: body.data_source_id ?? null,
      created: now,
      updated: now,
      dataSourceUpdated: null,
      description: body.description ?? '',
      failReason: null,
    };
    this.seed.sources.push(s);
    const job = this.startJob(s, { kind: 'create' }, body.user_name);
    return { id: s.id, job_id: job.jobId };
  }

  /** With `reboot: false` the change waits for the next restart: PENDING_REBOOT on success. */
  reconfigure(clusterId: string, sourceId: string, body: ReconfigureBody): { job_id: string; data_source_id: string } {
    const s = this.changeableSource(clusterId, sourceId);
    const { reboot = false, agency } = body.reconfigure;
    s.configure = 'UPDATING';
    s.updated = this.env.now();
    const job = this.startJob(s, { kind: 'reconfigure', reboot, ...(agency ? { agency } : {}) }, agency ?? s.userName);
    return { job_id: job.jobId, data_source_id: s.id };
  }

  delete(clusterId: string, sourceId: string): { job_id: string } {
    const s = this.changeableSource(clusterId, sourceId);
    s.configure = 'DELETING';
    s.updated = this.env.now();
    return { job_id: this.startJob(s, { kind: 'delete' }, '').jobId };
  }

  getJob(jobId: string) {
    const j = this.jobs.get(jobId);
    if (!j) throw dwsErrors.notFound(`The job ${jobId} does not exist.`);
    this.settleJob(j, true);
    return renderJob(j);
  }

  private startJob(s: ExtSourceRec, effect: JobEffect, agency: string): DwsJobRec {
    const now = this.env.now();
    const fails = agency.toLowerCase().includes('fail');
    const job: DwsJobRec = {
      jobId: this.prng.hex(32),
      jobName: JOB_NAMES[effect.kind],
      sourceId: s.id,
      clusterId: s.clusterId,
      beginTime: now,
      endTime: null,
      status: 'RUNNING',
      progress: 0,
      failedCode: null,
      failedDetail: null,
      effect,
      outcome: fails
        ? { ok: false, code: 'DWS.6110', detail: `Agency ${agency} does not grant GaussDB(DWS) access to the data source.` }
        : { ok: true },
      transition: startTransition(now),
    };
    this.jobs.set(job.jobId, job);
    s.jobId = job.jobId;
    return job;
  }

  private settleSource(s: ExtSourceRec, countRead: boolean): void {
    const j = s.jobId === undefined ? undefined : this.jobs.get(s.jobId);
    if (j) this.settleJob(j, countRead);
  }

  private settleJob(j: DwsJobRec, countRead: boolean): void {
    if (!j.transition) return;
    const now = this.env.now();
    const p = progressOf(j.transition, this.env.timing, now, countRead);
    j.progress = Math.round(p * 100);
    if (p < 1) return;
    delete j.transition;
    j.endTime = now;
    j.status = j.outcome.ok ? 'SUCCESS' : 'FAIL';
    if (!j.outcome.ok) {
      j.failedCode = j.outcome.code;
      j.failedDetail = j.outcome.detail;
    }
    const s = this.seed.sources.find((x) => x.id === j.sourceId);
    if (s) this.applyOutcome(s, j, now);
  }

  private applyOutcome(s: ExtSourceRec, j: DwsJobRec, now: number): void {
    delete s.jobId;
    s.updated = now;
    if (!j.outcome.ok) {
      s.configure = j.effect.kind === 'delete' ? 'ACTIVE' : 'FAILED';
      s.failReason = j.outcome.detail;
      return;
    }
    s.failReason = null;
    if (j.effect.kind === 'delete') {
      this.seed.sources.splice(this.seed.sources.indexOf(s), 1);
    } else if (j.effect.kind === 'create') {
      s.configure = 'ACTIVE';
    } else {
      s.configure = j.effect.reboot ? 'ACTIVE' : 'PENDING_REBOOT';
      if (j.effect.agency) s.userName = j.effect.agency;
      s.dataSourceUpdated = now;
    }
  }

  private sourcesOf(clusterId: string): ExtSourceRec[] {
    return this.seed.sources.filter((s) => s.clusterId === clusterId);
  }

  private cluster(clusterId: string): DwsClusterRec {
    const c = this.seed.clusters.find((x) => x.id === clusterId);
    if (!c) throw dwsErrors.notFound(`The cluster ${clusterId} does not exist.`);
    return c;
  }

  private writableCluster(clusterId: string): DwsClusterRec {
    const c = this.cluster(clusterId);
    if (c.status !== 'ACTIVE') throw dwsErrors.clusterState(`The cluster is ${c.status}: data sources cannot be changed now.`);
    return c;
  }

  /** One change at a time per source: a running job makes the source busy. */
  private changeableSource(clusterId: string, sourceId: string): ExtSourceRec {
    this.writableCluster(clusterId);
    const find = () => this.seed.sources.find((x) => x.id === sourceId && x.clusterId === clusterId);
    const before = find();
    if (before) this.settleSource(before, false);
    const s = find();
    if (!s || s.configure === 'DELETED') throw dwsErrors.notFound(`The data source ${sourceId} does not exist.`);
    if (s.jobId !== undefined) throw dwsErrors.clusterState(`The data source ${s.name} is being changed by job ${s.jobId}.`);
    return s;
  }
}
