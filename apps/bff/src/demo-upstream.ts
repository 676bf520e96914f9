import { ConfigError, PROJECT_ID, PROJECT_ID_RULE, endpointUrl, fail } from './config-rules.ts';
import type { Config, Credentials, DemoConfig, UpstreamConfig } from './config.ts';
import { ENDPOINT_SETTING, SERVICES, type Endpoints } from './endpoints.ts';

export interface DemoUpstream {
  credentials: Credentials;
  projectId: string;
  /** One URL serving all three services, or one per service. */
  endpoint: string | Endpoints;
}

/** The launcher's way to hand the in-process simulator's address and credentials to a demo config. */
export function withDemoUpstream(config: Config, demo: DemoUpstream): DemoConfig & { upstream: UpstreamConfig } {
  if (config.mode !== 'demo') {
    throw new ConfigError(['HUAWEICLOUD_SDK_AK'], 'withDemoUpstream: the configuration has cloud credentials, so it is not demo mode');
  }
  const endpoints: Endpoints =
    typeof demo.endpoint === 'string' ? { dli: demo.endpoint, mrs: demo.endpoint, dws: demo.endpoint } : demo.endpoint;
  const issues: { setting: string; message: string }[] = [];
  for (const s of SERVICES) {
    const r = endpointUrl.safeParse(endpoints[s]);
    if (!r.success) issues.push({ setting: `demo ${ENDPOINT_SETTING[s]}`, message: r.error.issues[0]?.message ?? 'is invalid' });
  }
  if (!PROJECT_ID.test(demo.projectId)) issues.push({ setting: 'demo project id', message: PROJECT_ID_RULE });
  if (!demo.credentials.ak || !demo.credentials.sk) issues.push({ setting: 'demo credentials', message: 'need both ak and sk' });
  if (issues.length > 0) fail(issues);
  return { ...config, upstream: { credentials: demo.credentials, projectId: demo.projectId, region: undefined, endpoints } };
}

/** createServer's guard: demo configs must have been completed by the launcher. */
export function requireUpstream(config: Config): UpstreamConfig {
  if (!config.upstream) {
    throw new ConfigError(
      ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK'],
      'No cloud credentials are configured (demo mode) and no simulator upstream was supplied: start the console from the repository root with `pnpm start` (demo mode), or set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK',
    );
  }
  return config.upstream;
}
