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
    expect(c.upstream).toBeUndefined();
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
      readShareMs: 1_000,
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
    expect(c.upstream?.credentials).toEqual({ ak: AK, sk: SK, securityToken: TOKEN });
    expect(c.upstream?.endpoints).toEqual({
      dli: 'https://dli.cn-north-4.myhuaweicloud.com',
      mrs: 'https://mrs.cn-north-4.myhuaweicloud.com',
      dws: 'https://dws.cn-north-4.myhuaweicloud.com',
    });
  });

  it('lets a per-service endpoint override the region', () => {
    const c = loadConfig({ ...real, HUAWEICLOUD_REGION: 'eu-west-101', DWS_ENDPOINT: 'https://dws.internal.example.com/' });
    expect(c.upstream?.endpoints.dli).toBe('https://dli.eu-west-101.myhuaweicloud.eu');
    expect(c.upstream?.endpoints.dws).toBe('https://dws.internal.example.com/');
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
    expect(c.upstream?.endpoints.mrs).toBe('https://mrs.example.com');
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
    expect(loadConfig({ ...real, DLI_ENDPOINT: 'http://127.0.0.1:9999' }).upstream?.endpoints.dli).toBe('http://127.0.0.1:9999');
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
    expect(c.upstream.endpoints).toEqual({ dli: 'http://127.0.0.1:4100', mrs: 'http://127.0.0.1:4100', dws: 'http://127.0.0.1:4100' });
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
