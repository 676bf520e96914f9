/** What a name filter's input needs from lib/use-url-draft.ts's draft. */
export interface NameDraft {
  draft: string;
  setDraft: (value: string) => void;
  flush: () => void;
}

/**
 * The name filter of a list: applies as you type (after a pause), Enter applies at once, and `/`
 * anywhere on the page focuses it (data-filter-shortcut).
 */
export function LiveNameFilter({
  id,
  name,
  className,
}: {
  id: string;
  name: NameDraft;
  className?: string;
}) {
  return (
    <input
      id={id}
      name="name"
      type="search"
      data-filter-shortcut=""
      aria-keyshortcuts="/"
      className={className ? `input ${className}` : 'input'}
      maxLength={64}
      value={name.draft}
      onChange={(e) => name.setDraft(e.target.value)}
      // No submit button (filters apply as you type): Enter applies without the pause.
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          name.flush();
        }
      }}
      autoComplete="off"
      spellCheck={false}
    />
  );
}
