export interface ExpandButtonProps {
  expanded: boolean;
  /** Id of the region shown when expanded. */
  controls: string;
  label: string;
  onToggle: () => void;
}

/** A disclosure button: the state is aria-expanded, the arrow only echoes it. */
export function ExpandButton({ expanded, controls, label, onToggle }: ExpandButtonProps) {
  return (
    <button
      type="button"
      className="expand-button"
      aria-expanded={expanded}
      // Point at the region only while it exists.
      aria-controls={expanded ? controls : undefined}
      aria-label={label}
      onClick={onToggle}
    >
      <span aria-hidden="true" className="expand-button__arrow" data-expanded={expanded || undefined}>
        ▸
      </span>
    </button>
  );
}
