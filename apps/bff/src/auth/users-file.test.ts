import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config-rules.ts';
import { createLogger } from '../logging.ts';
import { hashPassword } from './password-hash.ts';
import { loadUserDirectory } from './users-file.ts';

const FAST = { N: 1024, r: 8, p: 1 };
const logs: string[] = [];
const logger = createLogger(
  'debug',
  new Writable({
    write(chunk: Buffer, _e, done) {
      logs.push(chunk.toString());
      done();
    },
  }),
);

function tempFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'users-')), 'users.json');
  writeFileSync(file, content);
  return file;
}

function startError(content: string): ConfigError {
  try {
    loadUserDirectory(tempFile(content), logger);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('the file was accepted');
}

describe('CONSOLE_USERS_FILE', () => {
  it('loads users with their roles', async () => {
    const hash = await hashPassword('pw', FAST);
    const users = loadUserDirectory(
      tempFile(JSON.stringify([{ username: 'ada', role: 'admin', passwordHash: hash }])),
      logger,
    );
    expect(await users.find('ada')).toMatchObject({ username: 'ada', grants: { '*': 'admin' } });
    expect(await users.find('ADA')).toBeUndefined();
    expect(users.unmatchable()).toMatchObject(FAST);
  });

  it('refuses to start on a bad file, naming the setting and the problem but no value', async () => {
    const hash = await hashPassword('pw', FAST);
    const cases: [string, RegExp][] = [
      ['not json', /is not valid JSON/],
      ['{}', /must be a JSON array/],
      ['[]', /lists no users/],
      [
        JSON.stringify([{ username: 'ada', role: 'root', passwordHash: hash }]),
        /entry 1\.role: must be one of viewer, operator, admin/,
      ],
      [
        JSON.stringify([{ username: 'ada', role: 'admin', passwordHash: 'plain-text-password' }]),
        /entry 1\.passwordHash: is not a hash printed by/,
      ],
      [
        JSON.stringify([
          { username: 'ada', role: 'admin', passwordHash: hash },
          { username: 'ada', role: 'viewer', passwordHash: hash },
        ]),
        /entry 2\.username: appears twice/,
      ],
      [
        JSON.stringify([{ username: 'a b', role: 'admin', passwordHash: hash }]),
        /entry 1\.username: must be/,
      ],
      [
        JSON.stringify([{ username: 'ada', role: 'admin', passwordHash: hash, password: 'x' }]),
        /entry 1/,
      ],
    ];
    for (const [content, message] of cases) {
      const err = startError(content);
      expect(err.settings).toEqual(['CONSOLE_USERS_FILE']);
      expect(err.message, content).toMatch(message);
      expect(err.message).not.toContain('plain-text-password');
      expect(err.message).not.toContain(hash);
    }
    expect(() => loadUserDirectory('/nonexistent/users.json', logger)).toThrow(
      /CONSOLE_USERS_FILE \(\/nonexistent\/users.json\) cannot be read/,
    );
  });

  it('checks the file at most every checkEveryMs', async () => {
    const file = tempFile(
      JSON.stringify([{ username: 'ada', role: 'admin', passwordHash: await hashPassword('pw', FAST) }]),
    );
    let t = 0;
    const users = loadUserDirectory(file, logger, { checkEveryMs: 1_000, now: () => t });
    writeFileSync(file, JSON.stringify([{ username: 'bob', role: 'viewer', passwordHash: await hashPassword('pw', FAST) }]));
    t = 999;
    expect((await users.find('ada'))?.grants['*']).toBe('admin');
    t = 1_000;
    expect(await users.find('ada')).toBeUndefined();
    expect((await users.find('bob'))?.grants['*']).toBe('viewer');
  });

  it('re-reads the file when it changes and keeps the last valid users when it breaks', async () => {
    const file = tempFile(
      JSON.stringify([
        { username: 'ada', role: 'admin', passwordHash: await hashPassword('pw', FAST) },
      ]),
    );
    const users = loadUserDirectory(file, logger, { checkEveryMs: 0 });
    expect((await users.find('ada'))?.grants['*']).toBe('admin');
    writeFileSync(
      file,
      JSON.stringify([
        { username: 'bob', role: 'viewer', passwordHash: await hashPassword('pw', FAST) },
      ]),
    );
    expect(await users.find('ada')).toBeUndefined();
    expect((await users.find('bob'))?.grants['*']).toBe('viewer');
    writeFileSync(file, '[{"username":');
    expect((await users.find('bob'))?.grants['*']).toBe('viewer');
    expect(logs.join('')).toContain('users file changed but is invalid');
  });
});
