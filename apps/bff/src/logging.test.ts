import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logging.ts';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { lines, logger: createLogger('info', sink) };
}

describe('createLogger redaction', () => {
  it('redacts secrets an error or its cause carries, headers included', () => {
    const { lines, logger } = capture();
    const err = Object.assign(new Error('boom'), {
      password: 'pw-1',
      headers: { authorization: 'SDK-HMAC-SHA256 sig-1', 'x-security-token': 'tok-1', accept: 'json' },
      cause: { sk: 'sk-1', credentials: { sk: 'sk-2' } },
    });
    logger.error({ err, requestId: 'r-1' }, 'failed');
    const line = lines.join('');
    for (const secret of ['pw-1', 'sig-1', 'tok-1', 'sk-1', 'sk-2']) expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({ requestId: 'r-1', err: { message: 'boom', headers: { accept: 'json' } } });
  });
});

describe('the default destination (stdout, written asynchronously)', () => {
  it('loses no line when the process exits right after logging', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const tsx = pathToFileURL(path.join(here, '../node_modules/tsx/dist/loader.mjs')).href;
    const logging = pathToFileURL(path.join(here, 'logging.ts')).href;
    const script = `const { createLogger } = await import(${JSON.stringify(logging)});
const logger = createLogger('info');
for (let i = 0; i < 2000; i++) logger.info({ i }, 'line');
process.exit(0);`;
    const r = spawnSync(process.execPath, ['--import', tsx, '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { i: number });
    expect(lines.map((l) => l.i)).toEqual(Array.from({ length: 2000 }, (_, i) => i));
  });
});
