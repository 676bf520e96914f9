import { readFileSync } from 'node:fs';
import * as z from 'zod';
import type { Service } from '@dsc/api-types';
import { PROJECT_ID, PROJECT_ID_RULE, endpointUrl, fail } from '../config-rules.ts';
import { knownRegions, resolveEndpoints } from '../endpoints.ts';
import { TARGET_ID, TARGET_ID_RULE, type TargetConfig } from './target-config.ts';

const ENV_NAME = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'must be the name of an environment variable');

const TargetEntry = z.strictObject({
  id: z.string({ error: 'is required' }).regex(TARGET_ID, TARGET_ID_RULE),
  name: z.string({ error: 'is required' }).min(1, 'is required').max(64, 'must be at most 64 characters'),
  region: z.string({ error: 'is required' }).regex(/^[a-z]{2}(-[a-z0-9]+)+$/, 'must be a region id such as cn-north-4'),
  projectId: z.string({ error: 'is required' }).regex(PROJECT_ID, PROJECT_ID_RULE),
  credentials: z.strictObject(
    { akEnv: ENV_NAME, skEnv: ENV_NAME, securityTokenEnv: ENV_NAME.optional() },
    { error: 'must be {"akEnv","skEnv","securityTokenEnv"?}: the names of the variables that hold the secrets' },
  ),
  endpoints: z.strictObject({ dli: endpointUrl.optional(), mrs: endpointUrl.optional(), dws: endpointUrl.optional() }).optional(),
  maxRps: z.number().int('must be a whole number').min(1).max(10_000).optional(),
  maxConcurrency: z.number().int('must be a whole number').min(1).max(1024).optional(),
  readTimeoutMs: z.number().int('must be a whole number').min(100).max(600_000).optional(),
});

const TargetsFile = z.strictObject({
  targets: z.array(TargetEntry, { error: 'must be an array of targets' }).min(1, 'lists no targets').max(100, 'must list at most 100 targets'),
  default: z.string().optional(),
});

/** The single-target settings that a targets file replaces: refused beside it so nobody believes they are in force. */
export const SINGLE_TARGET_SETTINGS = [
  'HUAWEICLOUD_SDK_AK',
  'HUAWEICLOUD_SDK_SK',
  'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  'HUAWEICLOUD_PROJECT_ID',
  'HUAWEICLOUD_REGION',
  'DLI_ENDPOINT',
  'MRS_ENDPOINT',
  'DWS_ENDPOINT',
] as const;

const AK = /^[A-Za-z0-9]{8,128}$/;
const SK = /^\S{8,256}$/;

/**
 * CONSOLE_TARGETS_FILE: every target's project, region, endpoints and the *names* of the variables
 * holding its secrets. Errors name the target and the field (never a value), and stop the start.
 */
export function loadTargetsFile(file: string, env: Record<string, string | undefined>): { targets: TargetConfig[]; defaultId: string } {
  const setting = 'CONSOLE_TARGETS_FILE';
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const why = err instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    fail([{ setting, message: `(${file}) ${why}` }]);
  }
  const parsed = TargetsFile.safeParse(json);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((i) => {
        const [top, index, ...rest] = i.path;
        const entry = top === 'targets' && typeof index === 'number' ? (json as { targets: { id?: unknown }[] }).targets[index] : undefined;
        const who = entry ? `target ${typeof entry.id === 'string' ? `"${entry.id}"` : `#${Number(index) + 1}`}` : String(top ?? 'file');
        const field = entry ? rest.join('.') : '';
        return { setting, message: `${who}${field ? ` field ${field}` : ''} ${i.message}` };
      }),
    );
  }
  const issues: { setting: string; message: string }[] = [];
  const seen = new Set<string>();
  const targets: TargetConfig[] = [];
  for (const t of parsed.data.targets) {
    const who = `target "${t.id}"`;
    if (seen.has(t.id)) issues.push({ setting, message: `${who} appears twice` });
    seen.add(t.id);
    const ak = env[t.credentials.akEnv];
    const sk = env[t.credentials.skEnv];
    const token = t.credentials.securityTokenEnv ? env[t.credentials.securityTokenEnv] : undefined;
    // The variable's name is safe to say; its value never is.
    if (!ak || !AK.test(ak)) issues.push({ setting: t.credentials.akEnv, message: `(${who} credentials.akEnv) ${ak ? 'must be 8–128 letters and digits' : 'is not set'}` });
    if (!sk || !SK.test(sk)) issues.push({ setting: t.credentials.skEnv, message: `(${who} credentials.skEnv) ${sk ? 'must be 8–256 characters without spaces' : 'is not set'}` });
    if (t.credentials.securityTokenEnv && !token) {
      issues.push({ setting: t.credentials.securityTokenEnv, message: `(${who} credentials.securityTokenEnv) is not set` });
    }
    const overrides: Partial<Record<Service, string>> = { ...t.endpoints };
    const resolved = resolveEndpoints(t.region, overrides);
    if (!resolved.endpoints) {
      issues.push({
        setting,
        message: `${who} field endpoints: region ${t.region} has no known endpoint for ${resolved.missing.join(', ')}; set endpoints.${resolved.missing.join(', endpoints.')} (known regions: ${knownRegions().slice(0, 6).join(', ')}, …)`,
      });
      continue;
    }
    targets.push({
      id: t.id,
      name: t.name,
      region: t.region,
      projectId: t.projectId,
      credentials: { ak: ak ?? '', sk: sk ?? '', ...(token ? { securityToken: token } : {}) },
      endpoints: resolved.endpoints,
      ...(t.maxRps !== undefined ? { maxRps: t.maxRps } : {}),
      ...(t.maxConcurrency !== undefined ? { maxConcurrency: t.maxConcurrency } : {}),
      ...(t.readTimeoutMs !== undefined ? { readTimeoutMs: t.readTimeoutMs } : {}),
    });
  }
  const defaultId = parsed.data.default ?? parsed.data.targets[0]!.id;
  if (!seen.has(defaultId)) issues.push({ setting, message: `field default names no target ("${defaultId}")` });
  if (issues.length > 0) fail(issues);
  return { targets, defaultId };
}
