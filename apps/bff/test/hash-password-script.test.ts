import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePasswordHash, verifyPassword } from '../src/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const run = (input: string) =>
  spawnSync(process.execPath, ['scripts/hash-password.mjs'], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('scripts/hash-password.mjs (pnpm --silent hash-password)', () => {
  it('prints only the hash of the password read from stdin (one trailing newline dropped)', async () => {
    const r = run('Correct-Horse-9\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const parsed = parsePasswordHash(lines[0]!);
    expect(parsed).toBeDefined();
    expect(await verifyPassword('Correct-Horse-9', parsed!)).toBe(true);
    expect(await verifyPassword('Correct-Horse-9\n', parsed!)).toBe(false);
  });

  it('refuses an empty password', () => {
    const r = run('');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/empty/);
  });
});
