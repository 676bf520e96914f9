import { useEffect, useRef, useState } from 'react';
import { useFixedT } from '../lib/use-fixed-t.ts';
import './copy-button.css';

export interface CopyButtonProps {
  value: string;
  /** The button's accessible name, e.g. "Copy VPC ID". */
  label: string;
}

const SHOW_RESULT_MS = 2_000;

/** Copies a value to the clipboard and says so in a polite status, for screen readers too. */
export function CopyButton({ value, label }: CopyButtonProps) {
  const { t } = useFixedT();
  const [result, setResult] = useState<'copied' | 'failed' | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    let outcome: 'copied' | 'failed';
    try {
      await navigator.clipboard.writeText(value);
      outcome = 'copied';
    } catch {
      // No clipboard permission or an insecure origin: the value is still selectable on screen.
      outcome = 'failed';
    }
    setResult(outcome);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setResult(undefined), SHOW_RESULT_MS);
  };

  return (
    <span className="copy-button">
      <button
        type="button"
        className="copy-button__button"
        aria-label={label}
        title={label}
        onClick={() => void copy()}
      >
        <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16">
          <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
        </svg>
      </button>
      {/* The live region exists before it speaks, so its text change is announced. */}
      <span role="status" className="copy-button__status" data-result={result}>
        {result ? t(`copy.${result}`) : ''}
      </span>
    </span>
  );
}
