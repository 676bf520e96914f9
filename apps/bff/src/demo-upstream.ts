import { ConfigError, PROJECT_ID, PROJECT_ID_RULE, endpointUrl, fail } from './config-rules.ts';
import type { Config, Credentials, DemoConfig } from './config.ts';
import { ENDPOINT_SETTING, SERVICES, type Endpoints } from './endpoints.ts';
import { TARGET_ID, TARGET_ID_RULE, singleTarget, type TargetConfig } from './targets/target-config.ts';

export interface DemoUpstream {
  credentials: Credentials;
  projectId: string;
  /** One URL serving all three services, or one per service. */
  endpoint: string | Endpoints;
}

export interface DemoTarget extends DemoUpstream {
  id: string;
  name: string;
  region?: string;
  maxRps?: number;
  maxConcurrency?: number;
  readTimeoutMs?: number;
}

/** The launcher's way to hand the in-process simulator's address and credentials to a demo config (one target, `default`). */
export function withDemoUpstream(config: Config, demo: DemoUpstream): DemoConfig & { targets: TargetConfig[] } {
  return withDemoTargets(config, [{ id: 'default', name: 'default', ...demo }]);
}

/** Several demo targets (the first is the default), each on the simulator with its own project and keys. */
export function withDemoTargets(config: Config, demos: DemoTarget[]): DemoConfig & { targets: TargetConfig[] } {
  if (config.mode !== 'demo') {
    throw new ConfigError(['HUAWEICLOUD_SDK_AK'], 'withDemoTargets: the configuration has cloud credentials, so it is not demo mode');
  }
  if (demos.length === 0) throw new ConfigError(['demo targets'], 'withDemoTargets: at least one target is needed');
  const targets = demos.map((d) => demoTarget(d));
  return { ...config, targets, defaultTarget: targets[0]!.id };
}

function demoTarget(demo: DemoTarget): TargetConfig {
  const endpoints: Endpoints =
    typeof demo.endpoint === 'string' ? { dli: demo.endpoint, mrs: demo.endpoint, dws: demo.endpoint } : demo.endpoint;
  const issues: { setting: string; message: string }[] = [];
  for (const s of SERVICES) {
    const r = endpointUrl.safeParse(endpoints[s]);
    if (!r.success) issues.push({ setting: `demo ${ENDPOINT_SETTING[s]}`, message: r.error.issues[0]?.message ?? 'is invalid' });
  }
  if (!PROJECT_ID.test(demo.projectId)) issues.push({ setting: 'demo project id', message: PROJECT_ID_RULE });
  if (!demo.credentials.ak || !demo.credentials.sk) issues.push({ setting: 'demo credentials', message: 'need both ak and sk' });
  if (!TARGET_ID.test(demo.id)) issues.push({ setting: 'demo target id', message: TARGET_ID_RULE });
  if (issues.length > 0) fail(issues);
  const { id, name, region, maxRps, maxConcurrency, readTimeoutMs } = demo;
  return {
    ...singleTarget({ credentials: demo.credentials, projectId: demo.projectId, region, endpoints }, name),
    id,
    ...(maxRps !== undefined ? { maxRps } : {}),
    ...(maxConcurrency !== undefined ? { maxConcurrency } : {}),
    ...(readTimeoutMs !== undefined ? { readTimeoutMs } : {}),
  };
}

/** createServer's guard: demo configs must have been completed by the launcher. */
export function requireTargets(config: Config): TargetConfig[] {
  if (!config.targets) {
    throw new ConfigError(
      ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'],
      'No cloud credentials are configured (demo mode) and no simulator upstream was supplied: start the console from the repository root with `pnpm start` (demo mode), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
    );
  }
  return config.targets;
}
