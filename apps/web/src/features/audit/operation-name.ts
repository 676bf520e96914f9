import type { TFunction } from 'i18next';
import { i18n } from '../../lib/i18n.ts';
import en from './operation-names/en.json';
import zh from './operation-names/zh-CN.json';

// Only this screen names operations, so their names travel in its chunk: the features' i18n
// folders are bundled into every page's first paint (English) or its language chunk.
i18n.addResourceBundle('en', 'audit', { operations: en }, true, false);
i18n.addResourceBundle('zh-CN', 'audit', { operations: zh }, true, false);

/** `service.operation` ids have a name in operation-names/*.json; `METHOD /path` and unknown ids show as they are. */
const NAMED_ID = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

/** The operation as people say it ("Create enhanced connection"), else its id. */
export function operationName(t: TFunction<'audit'>, id: string): string {
  return NAMED_ID.test(id) ? t(`operations.${id}`, { defaultValue: id }) : id;
}
