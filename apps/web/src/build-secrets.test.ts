// @vitest-environment node
// The browser never holds a cloud credential: a production build made while the BFF's secrets are
// in the environment must not carry any of them (nor their names' values under any encoding).
// The same build also shows which renderer ships.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CANARIES = {
  HUAWEICLOUD_SDK_AK: 'CANARYAKQTWAOYTTINDUT2Q',
  HUAWEICLOUD_SDK_SK: 'canary-sk-MFyfvK41ba2giqM7Uio6PznpdUK',
  HUAWEICLOUD_SDK_SECURITY_TOKEN: 'canary-token-8f1e2d3c4b5a69788796a5b4c3d2e1f0',
  SESSION_SECRET: 'canary-session-secret-0123456789abcdef0123',
  // Even a VITE_-prefixed variable must not leak: nothing in the app reads one.
  VITE_HUAWEICLOUD_SDK_SK: 'canary-vite-sk-5a4b3c2d1e0f',
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('the production web build', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'web-build-secrets-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const saved = { ...process.env };
    Object.assign(process.env, CANARIES);
    try {
      await build({
        root: join(import.meta.dirname, '..'),
        configFile: join(import.meta.dirname, '..', 'vite.config.ts'),
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env = saved;
    }
  }, 300_000);

  it('contains no secret that was in the environment at build time', () => {
    const files = filesUnder(outDir);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    for (const file of files) {
      const text = readFileSync(file, 'latin1');
      for (const [name, value] of Object.entries(CANARIES)) {
        expect(text.includes(value), `${name} in ${file}`).toBe(false);
        expect(text.includes(Buffer.from(value).toString('base64')), `${name} (base64) in ${file}`).toBe(false);
      }
    }
  });

  // docs/decisions/006-preact-compat.md: React's API comes from preact/compat in what ships.
  it('renders with Preact: no React or React DOM code in it', () => {
    const sources = filesUnder(outDir)
      .filter((f) => f.endsWith('.js.map'))
      .flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { sources: string[] }).sources);
    expect(sources.some((s) => s.includes('/node_modules/preact/'))).toBe(true);
    expect(sources.filter((s) => /\/node_modules\/(react|react-dom|scheduler)\//.test(s))).toEqual([]);
  });
});
