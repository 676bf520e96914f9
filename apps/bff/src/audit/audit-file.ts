import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fail } from '../config-rules.ts';

/**
 * Creates the audit file and its directory at start, so a path that cannot be written stops the
 * start (naming AUDIT_LOG_FILE) rather than every later change.
 */
export function prepareAuditFile(file: string): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o750 });
    const fd = openSync(file, 'a+', 0o600);
    try {
      // A line torn by a crash would swallow the next one: finish it first.
      const { size } = fstatSync(fd);
      const last = Buffer.alloc(1);
      if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) {
        writeSync(fd, '\n');
        fsyncSync(fd);
      }
    } finally {
      closeSync(fd);
    }
    const d = openSync(dir, 'r');
    try {
      fsyncSync(d);
    } finally {
      closeSync(d);
    }
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    fail([
      {
        setting: 'AUDIT_LOG_FILE',
        message: `(${file}) cannot be created or appended to${typeof code === 'string' ? ` (${code})` : ''}`,
      },
    ]);
  }
}

interface Waiter {
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface AuditAppender {
  /** Resolves once `line` is written and fdatasync'ed. */
  append(line: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Appends lines with group commit: lines that arrive while a write is on its way go out together
 * in the next single write + fdatasync, so each caller waits for the disk, not for every other
 * caller's sync. The file is reopened when it was moved away (log rotation).
 */
export function createAuditAppender(file: string): AuditAppender {
  let handle: FileHandle | undefined;
  let queue: Waiter[] = [];
  let flushing: Promise<void> | undefined;

  async function currentHandle(): Promise<FileHandle> {
    if (handle) {
      const [onDisk, open_] = await Promise.all([stat(file).catch(() => undefined), handle.stat()]);
      if (onDisk && onDisk.ino === open_.ino && onDisk.dev === open_.dev) return handle;
      await handle.close().catch(() => {});
      handle = undefined;
    }
    handle = await open(file, 'a', 0o600);
    return handle;
  }

  async function flush(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const h = await currentHandle();
        await h.appendFile(batch.map((w) => w.line).join(''));
        await h.datasync();
        for (const w of batch) w.resolve();
      } catch (err) {
        await handle?.close().catch(() => {});
        handle = undefined;
        for (const w of batch) w.reject(err);
      }
    }
  }

  function kick(): void {
    if (flushing) return;
    // A line queued after the loop's last look but before this settles starts the next round.
    flushing = flush().finally(() => {
      flushing = undefined;
      if (queue.length > 0) kick();
    });
  }

  return {
    append(line) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ line: line.endsWith('\n') ? line : `${line}\n`, resolve, reject });
        kick();
      });
    },
    async close() {
      await flushing;
      await handle?.close().catch(() => {});
      handle = undefined;
    },
  };
}
