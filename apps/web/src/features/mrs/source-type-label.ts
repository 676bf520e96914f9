import { MRS_SOURCE_TYPE_LABELS, MrsSourceType } from '@dsc/api-types';

/**
 * The product name for a source type ("RDS for MySQL"). Product names are the same in every
 * language the console speaks, so they come from the catalogue rather than the translations.
 * An unknown type is shown as sent.
 */
export function sourceTypeLabel(v: string): string {
  const known = MrsSourceType.safeParse(v);
  return known.success ? MRS_SOURCE_TYPE_LABELS[known.data] : v;
}
