import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, constants as fsc } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogDestination } from './log-destination.ts';

/** A real pipe: its write end for the destination, its read end in the test's hands. */
function fifo(): { readFd: number; writeFd: number } {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'log-dest-')), 'pipe');
  execFileSync('mkfifo', [file]);
  const readFd = openSync(file, fsc.O_RDONLY | fsc.O_NONBLOCK);
  return { readFd, writeFd: openSync(file, fsc.O_WRONLY | fsc.O_NONBLOCK) };
}

function drainOnce(fd: number): string {
  const buf = Buffer.alloc(1 << 16);
  let out = '';
  for (;;) {
    try {
      const n = readSync(fd, buf);
      if (n === 0) return out;
      out += buf.toString('utf8', 0, n);
    } catch {
      return out; // EAGAIN: empty for now
    }
  }
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('the log destination while its pipe is not read', () => {
  it('holds at most its buffer, drops the rest with a count, and reports the count once the pipe is read again', async () => {
    const { readFd, writeFd } = fifo();
    const max = 256 * 1024;
    const dest = createLogDestination({ fd: writeFd, maxBufferBytes: max });
    const line = `${JSON.stringify({ level: 30, msg: 'x'.repeat(200) })}\n`;
    // 10 MB into a 64 kB pipe nobody reads.
    for (let i = 0; i < 50_000; i++) dest.write(line);
    expect(dest.pending()).toBeLessThanOrEqual(max);
    const dropped = dest.dropped();
    expect(dropped).toBeGreaterThan(40_000);
    // settle gives up rather than waiting for a reader.
    await dest.settle(50);
    expect(dest.pending()).toBeGreaterThan(0);

    let read = '';
    for (let i = 0; i < 500 && !read.includes('log lines dropped'); i++) {
      read += drainOnce(readFd);
      await tick();
    }
    const report = read.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { msg: string; dropped?: number }).find((l) => l.msg.startsWith('log lines dropped'));
    expect(report?.dropped).toBe(dropped);
    expect(dest.dropped()).toBe(0);
    closeSync(readFd);
    closeSync(writeFd);
  }, 20_000);
});
