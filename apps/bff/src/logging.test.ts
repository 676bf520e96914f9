import { Writable } from 'node:stream';
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
