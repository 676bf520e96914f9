import type { TFunction } from 'i18next';

// The catalogue's schemas (and so the BFF's `fields`) speak English fragments such as
// "is required"; each known one has a translated sentence, anything else is shown as it came.
const KNOWN: readonly [RegExp, string][] = [
  [/^is required$/, 'required'],
  [/^must be at most (\d+) characters$/, 'maxChars'],
  [/^may hold only letters, digits and underscores$/, 'connectionNameChars'],
  [/^must start with a letter$/, 'startLetter'],
  [/^may hold only letters, digits and _ - \.$/, 'hostNameChars'],
  [/^must be an IPv4 address/, 'ipv4'],
  [/^may hold only letters, digits, spaces and /, 'tagChars'],
  [/^must not start or end with a space$/, 'tagSpaces'],
  [/^must not start with _sys_$/, 'tagSys'],
  [/^must hold at most (\d+) tags$/, 'maxTags'],
  [/^must hold at most (\d+) entries$/, 'maxEntries'],
  [/^may hold only letters, digits and -$/, 'resourceIdChars'],
  [/^Too big: expected array to have <=(\d+) items$/, 'maxItems'],
  [/^name at least one queue/, 'queueNeeded'],
];

/** A field error message in the reader's language (keys under `editor.validation`). */
export function fieldMessage(t: TFunction<'connections'>, message: string | undefined): string | undefined {
  if (!message) return undefined;
  for (const [pattern, key] of KNOWN) {
    const m = pattern.exec(message);
    if (m) return t(`editor.validation.${key}`, { max: m[1] });
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}
