import './progress-bar.css';

export interface ProgressBarProps {
  /** 0–1; values outside are clamped. */
  fraction: number;
  /** Names the bar for assistive technology, e.g. "Creation progress". */
  label: string;
  tone?: 'pending' | 'success' | 'danger' | 'neutral' | undefined;
}

/** A determinate progress bar with its percentage written out beside it. */
export function ProgressBar({ fraction, label, tone = 'pending' }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <span className="progress-bar" data-tone={tone}>
      <span
        className="progress-bar__track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <span className="progress-bar__fill" style={{ width: `${percent}%` }} />
      </span>
      <span className="progress-bar__text" aria-hidden="true">
        {percent}%
      </span>
    </span>
  );
}
