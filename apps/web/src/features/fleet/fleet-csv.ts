import type { FleetConnection, TargetSummary } from '@dsc/api-types';
import { CSV_FIELDS, buildCsv, connectionCsvRow } from '../connections/csv-export.ts';

/** The single-target export's columns, after the target's id, name and region. */
export const FLEET_CSV_FIELDS = ['target', 'target_name', 'target_region', ...CSV_FIELDS] as const;

/** CSV like the single-target export (BOM, CRLF, formula-like cells neutralised by the same rule) with the row's target first. */
export function buildFleetCsv(rows: readonly FleetConnection[], targets: ReadonlyMap<string, TargetSummary>): Promise<string> {
  const data = rows.map((c) => {
    const t = targets.get(c.target);
    return { target: c.target, target_name: t?.name ?? '', target_region: t?.region ?? '', ...connectionCsvRow(c) };
  });
  return buildCsv(FLEET_CSV_FIELDS, data);
}

export function fleetExportFilename(now: Date): string {
  const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `enhanced-connections-fleet-${stamp}.csv`;
}
