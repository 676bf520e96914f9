import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, createServer, loadConfig, withDemoUpstream } from '../src/index.ts';
import { SESSION_SECRET, makeTestUsers, usersFileContent } from './harness.ts';

const PROJECT = '0123456789abcdef0123456789abcdef';

function demoConfig(env: Record<string, string>) {
  return withDemoUpstream(loadConfig({ SESSION_SECRET, LOG_LEVEL: 'silent', ...env }), {
    credentials: { ak: 'AKAKAKAKAKAK', sk: 'SKSKSKSKSKSKSKSK' },
    projectId: PROJECT,
    endpoint: 'http://127.0.0.1:9',
  });
}

function startError(env: Record<string, string>): ConfigError {
  try {
    const s = createServer(demoConfig(env));
    void s.close();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('createServer started');
}

describe('createServer refuses to start, naming the setting', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bff-start-'));
  const audit = path.join(dir, 'audit.log');

  it('without a users file', () => {
    expect(startError({ AUDIT_LOG_FILE: audit }).settings).toEqual(['CONSOLE_USERS_FILE']);
  });

  it('with a users file that is missing or invalid', () => {
    expect(
      startError({ AUDIT_LOG_FILE: audit, CONSOLE_USERS_FILE: path.join(dir, 'none.json') })
        .settings,
    ).toEqual(['CONSOLE_USERS_FILE']);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '[{"username":"ada","role":"admin","passwordHash":"hunter2"}]');
    const err = startError({ AUDIT_LOG_FILE: audit, CONSOLE_USERS_FILE: bad });
    expect(err.message).toMatch(/entry 1\.passwordHash/);
    expect(err.message).not.toContain('hunter2');
  });

  it('with an audit file it cannot write', async () => {
    const users = path.join(dir, 'users.json');
    writeFileSync(users, await usersFileContent(Object.values(makeTestUsers())));
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    expect(
      startError({ CONSOLE_USERS_FILE: users, AUDIT_LOG_FILE: path.join(blocker, 'audit.log') })
        .settings,
    ).toEqual(['AUDIT_LOG_FILE']);
    // And starts with good ones.
    const ok = createServer(demoConfig({ CONSOLE_USERS_FILE: users, AUDIT_LOG_FILE: audit }));
    await ok.close();
  });
});
