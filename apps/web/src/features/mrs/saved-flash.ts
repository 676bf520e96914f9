/**
 * "Saved X" for the list the edit form returns to. Held in memory only: it belongs to that one
 * navigation, not to the URL (a reload or a pasted link must not repeat it).
 */
let saved: string | undefined;

export function flashSaved(name: string): void {
  saved = name;
}

export function peekSaved(): string | undefined {
  return saved;
}

export function clearSaved(): void {
  saved = undefined;
}
