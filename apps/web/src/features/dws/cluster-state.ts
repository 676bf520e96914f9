import { clusterAcceptsChanges } from '@dsc/api-types/meta';

/** Why a cluster's data sources can or cannot be changed right now. */
export type ClusterChangeState = 'open' | 'frozen' | 'failed' | 'busy';

export function clusterChangeState(status: string): ClusterChangeState {
  if (clusterAcceptsChanges(status)) return 'open';
  const s = status.toUpperCase();
  if (s === 'FROZEN' || s === 'POLICE_FROZEN') return 'frozen';
  if (s.includes('FAIL')) return 'failed';
  return 'busy';
}

/**
 * `failed_reasons` is undocumented in shape; the simulator and real answers carry
 * `{ "<code>": { error_code, error_msg } }`. Every message found is returned, as text.
 */
export function failedReasonsText(reasons: unknown): string | undefined {
  if (reasons === null || reasons === undefined) return undefined;
  if (typeof reasons === 'string') return reasons || undefined;
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    const o = v as Record<string, unknown>;
    const msg = o.error_msg ?? o.message;
    if (typeof msg === 'string' && msg) {
      out.push(typeof o.error_code === 'string' ? `${o.error_code}: ${msg}` : msg);
      return;
    }
    Object.values(o).forEach(visit);
  };
  visit(reasons);
  return out.length > 0 ? out.join('; ') : undefined;
}
