import { useFixedT } from '../lib/use-fixed-t.ts';
import { formatDateTime } from '../lib/format.ts';
import { EmptyValue } from './empty-value.tsx';

/** Local time as text, the UTC instant in the tooltip. */
export function DateTime({ value }: { value: number | string | null | undefined }) {
  const { language } = useFixedT();
  const f = formatDateTime(value, language);
  if (!f) return <EmptyValue />;
  return (
    <time dateTime={f.iso} title={f.utc}>
      {f.local}
    </time>
  );
}
