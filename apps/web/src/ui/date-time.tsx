import { formatDateTime, formatRelativeTime } from '../lib/format.ts';
import { useFixedT } from '../lib/use-fixed-t.ts';
import { useNow } from '../lib/use-now.ts';
import { EmptyValue } from './empty-value.tsx';

/**
 * A recent time as "5 minutes ago", an older one as a local date and time; the absolute time with
 * its time zone, and the UTC instant, on hover. Exports write the UTC instant (ISO 8601).
 */
export function DateTime({ value }: { value: number | string | null | undefined }) {
  const { language } = useFixedT();
  const now = useNow();
  const f = formatDateTime(value, language);
  if (!f) return <EmptyValue />;
  const relative = formatRelativeTime(Date.parse(f.iso), now, language);
  return (
    <time dateTime={f.iso} title={`${f.zoned} · ${f.utc}`}>
      {relative ?? f.local}
    </time>
  );
}
