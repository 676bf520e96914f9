import type { DoctorDiagnosis } from '@dsc/api-types/meta';
import type { EnhancedConnection } from '@dsc/api-types';
import { cidrContains, networkOf, parseAddress, queueStatusOf } from '@dsc/api-types/meta';

/** What the doctor suggests for one UNREACHABLE (or failed) test, most likely cause first. */
export type Finding =
  | { kind: 'binding-not-active'; queue: string; status: string; errMsg: string | undefined; failed: boolean }
  | { kind: 'not-authorised' }
  | { kind: 'host-unknown'; host: string }
  | { kind: 'no-route'; ip: string | undefined; cidr: string | undefined }
  | { kind: 'unexplained' };

export interface DiagnoseInput {
  connection: Pick<EnhancedConnection, 'available_queue_info' | 'hosts' | 'routes'>;
  /** The list's inverted flag (true = this project is NOT authorised); undefined when unknown. */
  isPrivis: boolean | undefined;
  queue: string;
  address: string;
}

/**
 * Explains an unreachable address from what the console can see: the queue's binding, the
 * project's authorisation, the connection's hosts and routes. The connection's own subnet range
 * is not in any answer, so "no route" is said of addresses no route covers (the fix's CIDR is the
 * /24 around the address, for the operator to widen or narrow).
 */
export function diagnose({ connection, isPrivis, queue, address }: DiagnoseInput): Finding[] {
  const out: Finding[] = [];
  const binding = connection.available_queue_info.find((q) => q.name === queue);
  const status = binding ? queueStatusOf(binding.status) : 'UNKNOWN';
  if (status !== 'ACTIVE') {
    out.push({
      kind: 'binding-not-active',
      queue,
      status: binding?.status ?? 'UNKNOWN',
      errMsg: binding?.err_msg || undefined,
      failed: status === 'FAILED',
    });
  }
  if (isPrivis === true) out.push({ kind: 'not-authorised' });
  const parsed = parseAddress(address);
  let ip: string | undefined;
  if (parsed.ok && parsed.isIp) ip = parsed.host;
  else if (parsed.ok) {
    ip = connection.hosts.find((h) => h.name === parsed.host)?.ip;
    if (ip === undefined) out.push({ kind: 'host-unknown', host: parsed.host });
  }
  const covered = ip !== undefined && (connection.routes ?? []).some((r) => cidrContains(r.cidr, ip));
  if (!covered && (ip !== undefined || out.every((f) => f.kind !== 'host-unknown'))) {
    out.push({ kind: 'no-route', ip, cidr: ip ? networkOf(ip, 24) : undefined });
  }
  if (out.length === 0) out.push({ kind: 'unexplained' });
  return out;
}

/** The code the history keeps for a finding list: the first (most likely) cause. */
export function diagnosisCode(findings: readonly Finding[]): DoctorDiagnosis {
  return findings[0]?.kind ?? 'unexplained';
}

/** A route name for a suggested CIDR: `to_172_16_5_0_24`. */
export function routeNameFor(cidr: string): string {
  return `to_${cidr.replace(/[./]/g, '_')}`;
}
