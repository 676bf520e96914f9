import { useId, useState } from 'react';
import { useFixedT } from '../lib/use-fixed-t.ts';
import './status-badge.css';

export type StatusTone = 'success' | 'pending' | 'danger' | 'warning' | 'neutral';

// Upstream statuses across DLI (connections, queues), DWS (clusters, data sources, jobs) and MRS.
const TONES: Record<string, StatusTone> = {
  ACTIVE: 'success',
  AVAILABLE: 'success',
  UNAVAILABLE: 'warning',
  SUCCESS: 'success',
  SUCCEEDED: 'success',
  CREATING: 'pending',
  DELETING: 'pending',
  UPDATING: 'pending',
  PENDING_REBOOT: 'pending',
  INIT: 'pending',
  WAITING: 'pending',
  RUNNING: 'pending',
  DELAY_SCHEDULED: 'pending',
  FAILED: 'danger',
  FAIL: 'danger',
  CREATE_FAILED: 'danger',
  DELETE_FAILED: 'danger',
  ERROR: 'danger',
  FROZEN: 'warning',
  POLICE_FROZEN: 'warning',
  DELETED: 'neutral',
  STOP: 'neutral',
  REACHABLE: 'success',
  UNREACHABLE: 'danger',
  CHECKING: 'pending',
};

/** Maps any upstream status (case-insensitive) to a tone; unknown statuses are neutral. */
export function statusTone(status: string): StatusTone {
  return TONES[status.trim().toUpperCase()] ?? 'neutral';
}

/** Transitional statuses are the ones worth polling for. */
export function isTransitional(status: string): boolean {
  return statusTone(status) === 'pending';
}

export interface StatusBadgeProps {
  status: string;
  /** Why (e.g. a queue's err_msg): shown on hover and keyboard focus, read as the description. */
  detail?: string | null | undefined;
}

/** Status as text plus colour, never colour alone. */
export function StatusBadge({ status, detail }: StatusBadgeProps) {
  const { t } = useFixedT();
  const tooltipId = useId();
  const [dismissed, setDismissed] = useState(false);
  const key = status.trim().toUpperCase();
  const label = key ? t(`status.${key}`, { defaultValue: status }) : t('status.UNKNOWN');
  const badge = (
    <span className="status-badge" data-tone={statusTone(status)}>
      <span className="status-badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
  if (!detail) return badge;
  return (
    <span
      className="status-badge-tip"
      data-dismissed={dismissed || undefined}
      tabIndex={0}
      aria-describedby={tooltipId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setDismissed(true);
      }}
      onBlur={() => setDismissed(false)}
      onMouseLeave={() => setDismissed(false)}
    >
      {badge}
      <span role="tooltip" id={tooltipId} className="status-badge-tip__text">
        {detail}
      </span>
    </span>
  );
}
