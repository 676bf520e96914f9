/** An export's one button: start it, or cancel it while it runs (same place, so focus stays on it). */
export function ExportToggleButton({
  running,
  onStart,
  onCancel,
  startLabel,
  cancelLabel,
}: {
  running: boolean;
  onStart: () => void;
  onCancel: () => void;
  startLabel: string;
  cancelLabel: string;
}) {
  return (
    <button type="button" className="button" onClick={running ? onCancel : onStart}>
      {running ? cancelLabel : startLabel}
    </button>
  );
}
