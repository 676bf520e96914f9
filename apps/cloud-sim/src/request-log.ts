import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { OperationId } from '@dsc/api-types';

export type SignatureOutcome = 'ok' | 'missing' | 'malformed' | 'unknown-ak' | 'expired' | 'mismatch' | 'locked';

export interface RequestRecord {
  time: string;
  requestId: string;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** As received (names lower-cased by Node); secret-bearing values are redacted, see below. */
  headers: Record<string, string>;
  /** The exact body as UTF-8, unless it held secrets (see body-redaction.ts). */
  bodyText: string;
  bodyRedacted: boolean;
  /** SHA-256 of the exact bytes received, redacted or not. */
  bodySha256: string;
  signature: SignatureOutcome;
  operation: OperationId | null;
  /** null while in flight, or when the connection was dropped before a status was sent. */
  status: number | null;
}

const CAPACITY = 500;

/**
 * These carry secrets a test might still need to compare, so they are shown as a fingerprint:
 * present or absent, and equal or not, without the value.
 */
const REDACTED_HEADERS = new Set(['x-security-token', 'cookie']);

function redact(value: string): string {
  return `[redacted sha256:${createHash('sha256').update(value).digest('hex').slice(0, 16)}]`;
}

export function headersRecord(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : v;
    out[k] = REDACTED_HEADERS.has(k) ? redact(value) : value;
  }
  return out;
}

export function queryRecord(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of search) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The last requests received (oldest first), for tests that assert what reached upstream. */
export class RequestLog {
  private records: RequestRecord[] = [];

  add(r: RequestRecord): void {
    this.records.push(r);
    if (this.records.length > CAPACITY) this.records.splice(0, this.records.length - CAPACITY);
  }

  last(limit?: number): RequestRecord[] {
    const n = limit === undefined ? this.records.length : Math.max(0, Math.min(limit, this.records.length));
    return this.records.slice(this.records.length - n).map((r) => ({ ...r }));
  }

  clear(): void {
    this.records = [];
  }
}
