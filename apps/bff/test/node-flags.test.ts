import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BFF_NODE_FLAGS } from '../src/node-flags.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const startScript = (pkg: string): string =>
  (JSON.parse(readFileSync(path.join(ROOT, pkg), 'utf8')) as { scripts: { start: string } }).scripts.start;

describe('the node flags every BFF start passes', () => {
  it.each([
    ['the root start (pnpm start)', () => startScript('package.json')],
    ['apps/bff start', () => startScript('apps/bff/package.json')],
    ['the e2e web server', () => readFileSync(path.join(ROOT, 'e2e/playwright.config.ts'), 'utf8')],
  ])('%s passes each of them to node', (_name, text) => {
    const command = text();
    for (const flag of BFF_NODE_FLAGS) expect(command).toContain(flag);
  });

  it('are accepted by this node (a misspelt flag stops node at start)', () => {
    expect(() =>
      execFileSync(process.execPath, [...BFF_NODE_FLAGS, '-e', '0'], { stdio: 'pipe' }),
    ).not.toThrow();
    expect(() =>
      execFileSync(process.execPath, ['--initial-old-space-sise=128', '-e', '0'], { stdio: 'pipe' }),
    ).toThrow();
  });
});
