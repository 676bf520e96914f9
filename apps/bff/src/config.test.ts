import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';
import { withDemoUpstream } from './demo-upstream.ts';

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const TOKEN = 'gQpjbi1ub3J0aC00TOKENVALUE';
const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';
const SECRET = 's'.repeat(40);

const real = {
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  HUAWEICLOUD_PROJECT_ID: PROJECT,
  HUAWEICLOUD_REGION: 'cn-north-4',
  CONSOLE_USERS_FILE: '/etc/console/users.json',
  SESSION_SECRET: SECRET,
};

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('loadConfig accepted the configuration');
}

describe('loadConfig', () => {
  it('defaults to demo mode on 127.0.0.1:8080 without credentials', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('demo');
    expect(c.targets).toBeUndefined();
    expect(c.host).toBe('127.0.0.1');
    expect(c.port).toBe(8080);
    expect(c.upstreamTuning).toEqual({
      readTimeoutMs: 10_000,
      writeTimeoutMs: 30_000,
      readAttempts: 3,
      maxConcurrency: 16,
      maxRps: 50,
      queueMax: 256,
      queueWaitMs: 5_000,
      authPauseMs: 60_000,
    });
    expect(c.idempotencyWindowHours).toBe(24);
    expect(c.shutdownTimeoutMs).toBe(25_000);
    expect(c.logLevel).toBe('info');
    expect(c.webDistDir).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  it('resolves a real configuration from the region table', () => {
    const c = loadConfig({ ...real, HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN, PORT: '9000', UPSTREAM_TIMEOUT_MS: '2500' });
    expect(c.mode).toBe('real');
    expect(c.port).toBe(9000);
    expect(c.upstreamTuning.readTimeoutMs).toBe(2500);
    expect(c.upstreamTuning.writeTimeoutMs).toBe(2500);
    expect(c.targets?.[0]?.credentials).toEqual({ ak: AK, sk: SK, securityToken: TOKEN });
    expect(c.targets?.[0]?.endpoints).toEqual({
      dli: 'https://dli.cn-north-4.myhuaweicloud.com',
      mrs: 'https://mrs.cn-north-4.myhuaweicloud.com',
      dws: 'https://dws.cn-north-4.myhuaweicloud.com',
    });
  });

  it('lets a per-service endpoint override the region', () => {
    const c = loadConfig({ ...real, HUAWEICLOUD_REGION: 'eu-west-101', DWS_ENDPOINT: 'https://dws.internal.example.com/' });
    expect(c.targets?.[0]?.endpoints.dli).toBe('https://dli.eu-west-101.myhuaweicloud.eu');
    expect(c.targets?.[0]?.endpoints.dws).toBe('https://dws.internal.example.com/');
  });

  it('per-kind upstream timeouts win over UPSTREAM_TIMEOUT_MS, which is the default for both', () => {
    const both = loadConfig({ UPSTREAM_TIMEOUT_MS: '7000', UPSTREAM_WRITE_TIMEOUT_MS: '45000' }).upstreamTuning;
    expect([both.readTimeoutMs, both.writeTimeoutMs]).toEqual([7000, 45_000]);
    const own = loadConfig({ UPSTREAM_READ_TIMEOUT_MS: '3000', UPSTREAM_MAX_RPS: '5', UPSTREAM_QUEUE_MAX: '0' }).upstreamTuning;
    expect(own).toMatchObject({ readTimeoutMs: 3000, writeTimeoutMs: 30_000, maxRps: 5, queueMax: 0 });
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '', PORT: '' }).mode).toBe('demo');
  });

  it('needs AK and SK together, naming the missing one', () => {
    const onlyAk = configError({ ...real, HUAWEICLOUD_SDK_SK: undefined });
    expect(onlyAk.settings).toEqual(['HUAWEICLOUD_SDK_SK']);
    const onlySk = configError({ ...real, HUAWEICLOUD_SDK_AK: undefined });
    expect(onlySk.settings).toEqual(['HUAWEICLOUD_SDK_AK']);
    expect(onlySk.message).not.toContain(SK);
  });

  it('names a malformed project id without echoing it', () => {
    const err = configError({ ...real, HUAWEICLOUD_PROJECT_ID: 'NOT-A-PROJECT' });
    expect(err.settings).toEqual(['HUAWEICLOUD_PROJECT_ID']);
    expect(err.message).toContain('32 lower-case hexadecimal');
    expect(err.message).not.toContain('NOT-A-PROJECT');
  });

  it('names every missing real-mode setting at once', () => {
    const err = configError({ HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK });
    expect(err.settings.sort()).toEqual(
      ['CONSOLE_USERS_FILE', 'HUAWEICLOUD_PROJECT_ID', 'HUAWEICLOUD_REGION', 'SESSION_SECRET'].sort(),
    );
  });

  it('refuses an unknown region unless every endpoint is overridden', () => {
    const err = configError({ ...real, HUAWEICLOUD_REGION: 'xx-nowhere-9' });
    expect(err.settings).toEqual(['HUAWEICLOUD_REGION']);
    expect(err.message).toContain('DLI_ENDPOINT');
    const c = loadConfig({
      ...real,
      HUAWEICLOUD_REGION: 'xx-nowhere-9',
      DLI_ENDPOINT: 'https://dli.example.com',
      MRS_ENDPOINT: 'https://mrs.example.com',
      DWS_ENDPOINT: 'https://dws.example.com',
    });
    expect(c.targets?.[0]?.endpoints.mrs).toBe('https://mrs.example.com');
  });

  it('asks for the endpoint a region lacks (DLI is not offered in ru-moscow-1)', () => {
    const err = configError({ ...real, HUAWEICLOUD_REGION: 'ru-moscow-1' });
    expect(err.message).toContain('DLI_ENDPOINT');
    expect(err.message).not.toContain('MRS_ENDPOINT');
  });

  it('accepts http endpoints only for this machine', () => {
    const err = configError({ ...real, DLI_ENDPOINT: 'http://dli.example.com' });
    expect(err.settings).toEqual(['DLI_ENDPOINT']);
    expect(err.message).toContain('https://');
    expect(loadConfig({ ...real, DLI_ENDPOINT: 'http://127.0.0.1:9999' }).targets?.[0]?.endpoints.dli).toBe('http://127.0.0.1:9999');
    expect(configError({ ...real, MRS_ENDPOINT: 'not a url' }).settings).toEqual(['MRS_ENDPOINT']);
    expect(configError({ ...real, MRS_ENDPOINT: 'https://u:p@mrs.example.com' }).settings).toEqual(['MRS_ENDPOINT']);
  });

  it('names malformed common settings', () => {
    expect(configError({ PORT: '80a' }).settings).toEqual(['PORT']);
    expect(configError({ PORT: '70000' }).settings).toEqual(['PORT']);
    expect(configError({ UPSTREAM_TIMEOUT_MS: '5' }).settings).toEqual(['UPSTREAM_TIMEOUT_MS']);
    expect(configError({ UPSTREAM_MAX_CONCURRENCY: '0' }).settings).toEqual(['UPSTREAM_MAX_CONCURRENCY']);
    expect(configError({ IDEMPOTENCY_WINDOW_HOURS: '200' }).settings).toEqual(['IDEMPOTENCY_WINDOW_HOURS']);
    expect(configError({ LOG_LEVEL: 'loud' }).settings).toEqual(['LOG_LEVEL']);
    expect(configError({ REDIS_URL: 'http://cache' }).settings).toEqual(['REDIS_URL']);
    const short = configError({ ...real, SESSION_SECRET: 'short-secret-value' });
    expect(short.settings).toEqual(['SESSION_SECRET']);
    expect(short.message).not.toContain('short-secret-value');
  });

  it('session, proxy and audit settings have defaults', () => {
    const c = loadConfig({});
    expect(c.sessionIdleMinutes).toBe(30);
    expect(c.sessionAbsoluteHours).toBe(8);
    expect(c.trustProxy).toBe(false);
    expect(c.auditLogFile).toBe(path.resolve(process.cwd(), 'data/audit.log'));
    expect(c.redisUrl).toBeUndefined();
    const tuned = loadConfig({ SESSION_IDLE_MINUTES: '5', SESSION_ABSOLUTE_HOURS: '12', AUDIT_LOG_FILE: 'logs/a.log', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect([tuned.sessionIdleMinutes, tuned.sessionAbsoluteHours]).toEqual([5, 12]);
    expect(tuned.auditLogFile).toBe(path.resolve('logs/a.log'));
    expect(tuned.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(configError({ SESSION_IDLE_MINUTES: '0' }).settings).toEqual(['SESSION_IDLE_MINUTES']);
    expect(configError({ SESSION_ABSOLUTE_HOURS: 'eight' }).settings).toEqual(['SESSION_ABSOLUTE_HOURS']);
  });

  it('reads TRUST_PROXY as true, a hop count or a list of addresses', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.7' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
    for (const bad of ['yes', '0', '10.0.0.0/33', 'proxy.example.com', '10.0.0.1,', '11']) {
      expect(configError({ TRUST_PROXY: bad }).settings, bad).toEqual(['TRUST_PROXY']);
    }
  });

  it('demo mode gets a random SESSION_SECRET when none is set; real mode must set one', () => {
    const a = loadConfig({}).sessionSecret;
    const b = loadConfig({}).sessionSecret;
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(a).not.toBe(b);
    expect(loadConfig({ SESSION_SECRET: SECRET }).sessionSecret).toBe(SECRET);
    expect(configError({ ...real, SESSION_SECRET: undefined }).settings).toEqual(['SESSION_SECRET']);
    expect(configError({ ...real, CONSOLE_USERS_FILE: undefined }).settings).toEqual(['CONSOLE_USERS_FILE']);
  });

  it('refuses a security token without AK/SK', () => {
    expect(configError({ HUAWEICLOUD_SDK_SECURITY_TOKEN: TOKEN }).settings).toEqual(['HUAWEICLOUD_SDK_SECURITY_TOKEN']);
  });
});

describe('withDemoUpstream', () => {
  it('completes a demo configuration with the simulator', () => {
    const c = withDemoUpstream(loadConfig({}), {
      credentials: { ak: AK, sk: SK },
      projectId: PROJECT,
      endpoint: 'http://127.0.0.1:4100',
    });
    expect(c.targets[0]!.endpoints).toEqual({ dli: 'http://127.0.0.1:4100', mrs: 'http://127.0.0.1:4100', dws: 'http://127.0.0.1:4100' });
  });

  it('refuses a real configuration and a remote http endpoint', () => {
    expect(() =>
      withDemoUpstream(loadConfig(real), { credentials: { ak: AK, sk: SK }, projectId: PROJECT, endpoint: 'http://127.0.0.1:1' }),
    ).toThrow(ConfigError);
    expect(() =>
      withDemoUpstream(loadConfig({}), { credentials: { ak: AK, sk: SK }, projectId: PROJECT, endpoint: 'http://sim.example.com' }),
    ).toThrow(/https/);
  });
});

describe('CONSOLE_TARGETS_FILE', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'targets-'));
  const file = (content: unknown) => {
    const f = path.join(dir, `t-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content));
    return f;
  };
  const base = { CONSOLE_USERS_FILE: '/etc/console/users.json', SESSION_SECRET: SECRET, PROD_AK: AK, PROD_SK: SK };
  const prod = { id: 'prod-bj4', name: 'Production', region: 'cn-north-4', projectId: PROJECT, credentials: { akEnv: 'PROD_AK', skEnv: 'PROD_SK' } };

  it('builds one target per entry, endpoints from the region table, secrets from the named variables', () => {
    const c = loadConfig({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [prod, { ...prod, id: 'stage', endpoints: { dli: 'https://dli.example.com' } }], default: 'stage' }) });
    expect(c.mode).toBe('real');
    expect(c.defaultTarget).toBe('stage');
    expect(c.targets?.map((t) => t.id)).toEqual(['prod-bj4', 'stage']);
    expect(c.targets?.[0]).toMatchObject({ credentials: { ak: AK, sk: SK }, endpoints: { dli: 'https://dli.cn-north-4.myhuaweicloud.com' } });
    expect(c.targets?.[1]?.endpoints.dli).toBe('https://dli.example.com');
  });

  it('refuses the single-target settings beside it, by name', () => {
    const err = configError({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [prod] }), HUAWEICLOUD_PROJECT_ID: PROJECT, DLI_ENDPOINT: 'https://x.example.com' });
    expect(err.settings).toEqual(['HUAWEICLOUD_PROJECT_ID', 'DLI_ENDPOINT']);
  });

  it('names the target and the field of a bad entry, never a secret', () => {
    const bad = configError({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [{ ...prod, projectId: 'nope' }] }) });
    expect(bad.message).toContain('target "prod-bj4" field projectId');
    const id = configError({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [{ ...prod, id: 'Prod!' }] }) });
    expect(id.message).toContain('field id');
    const unset = configError({ ...base, PROD_SK: '', CONSOLE_TARGETS_FILE: file({ targets: [prod] }) });
    expect(unset.settings).toEqual(['PROD_SK']);
    expect(unset.message).toContain('target "prod-bj4" credentials.skEnv) is not set');
    const secret = configError({ ...base, PROD_SK: 'has a space in it', CONSOLE_TARGETS_FILE: file({ targets: [prod] }) });
    expect(secret.message).not.toContain('has a space');
    const twice = configError({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [prod, prod] }) });
    expect(twice.message).toContain('appears twice');
    const dflt = configError({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [prod], default: 'other' }) });
    expect(dflt.message).toContain('field default names no target');
    expect(configError({ ...base, CONSOLE_TARGETS_FILE: file('{not json') }).message).toContain('is not valid JSON');
    const region = configError({ ...base, CONSOLE_TARGETS_FILE: file({ targets: [{ ...prod, region: 'xx-nowhere-9' }] }) });
    expect(region.message).toContain('target "prod-bj4" field endpoints');
  });
});
