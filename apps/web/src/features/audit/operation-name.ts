import type { TFunction } from 'i18next';

/** `service.operation` ids have a name in i18n/operations.*.json; `METHOD /path` and unknown ids show as they are. */
const NAMED_ID = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

/** The operation as people say it ("Create enhanced connection"), else its id. */
export function operationName(t: TFunction<'audit'>, id: string): string {
  return NAMED_ID.test(id) ? t(`operations.${id}`, { defaultValue: id }) : id;
}
