import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { AuditEntry, type AuditPage, type AuditQuery } from '@dsc/api-types';

/**
 * The targets whose entries a reader may see; entries without a target (sign-in, sign-out,
 * refusals before routing) are seen by every admin. Undefined: everything.
 */
export type AuditScope = ReadonlySet<string> | undefined;

function matches(e: AuditEntry, q: AuditQuery, from: number, to: number, scope: AuditScope): boolean {
  if (q.user !== undefined && e.user !== q.user) return false;
  if (q.target !== undefined && e.target !== q.target) return false;
  if (scope !== undefined && e.target !== undefined && !scope.has(e.target)) return false;
  if (q.operation !== undefined && e.operation !== q.operation) return false;
  if (q.outcome !== undefined && e.outcome !== q.outcome) return false;
  const t = Date.parse(e.time);
  return t >= from && t <= to;
}

/**
 * Reads the audit file line by line, newest first (the file is in append order). Only the newest
 * `offset + limit` matches are held, so memory does not grow with the file. Lines that are not
 * audit entries (a torn last line after a crash) are skipped.
 */
export async function queryAuditFile(file: string, q: AuditQuery, scope?: AuditScope): Promise<AuditPage> {
  const keep = q.offset + q.limit;
  const from = q.from ? Date.parse(q.from) : -Infinity;
  const to = q.to ? Date.parse(q.to) : Infinity;
  const ring: AuditEntry[] = [];
  let next = 0;
  let total = 0;

  const input = createReadStream(file, { encoding: 'utf8' });
  const missing = new Promise<boolean>((resolve) => {
    input.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ENOENT'));
    input.once('open', () => resolve(false));
  });
  if (await missing) return { entries: [], total: 0 };
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = AuditEntry.safeParse(json);
    if (!parsed.success || !matches(parsed.data, q, from, to, scope)) continue;
    total += 1;
    if (ring.length < keep) ring.push(parsed.data);
    else ring[next] = parsed.data;
    next = (next + 1) % keep;
  }
  // Oldest to newest, then reversed.
  const ordered = ring.length < keep ? ring : [...ring.slice(next), ...ring.slice(0, next)];
  return { entries: ordered.reverse().slice(q.offset, keep), total };
}
