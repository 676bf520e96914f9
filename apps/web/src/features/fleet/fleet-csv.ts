import type { FleetConnection, TargetSummary } from '@dsc/api-types';
import { CSV_FIELDS, FORMULA_START, connectionCsvRow } from '../connections/csv-export.ts';

/** The single-target export's columns, after the target's id, name and region. */
export const FLEET_CSV_FIELDS = ['target', 'target_name', 'target_region', ...CSV_FIELDS] as const;

/** CSV like the single-target export (BOM, CRLF, formula-like cells neutralised by the same rule) with the row's target first. */
export async function buildFleetCsv(rows: readonly FleetConnection[], targets: ReadonlyMap<string, TargetSummary>): Promise<string> {
  const { default: Papa } = await import('papaparse');
  const data = rows.map((c) => {
    const t = targets.get(c.target);
    return { target: c.target, target_name: t?.name ?? '', target_region: t?.region ?? '', ...connectionCsvRow(c) };
  });
  const csv = Papa.unparse({ fields: [...FLEET_CSV_FIELDS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START, quotes: false });
  return `\uFEFF${csv.replace(/\r\n$/, '')}`;
}

export function fleetExportFilename(now: Date): string {
  const stamp = now.toISOString().replace(/[:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `enhanced-connections-fleet-${stamp}.csv`;
}
