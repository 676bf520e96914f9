import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format.ts';
import { EmptyValue } from './empty-value.tsx';

/** Local time as text, the UTC instant in the tooltip. */
export function DateTime({ value }: { value: number | string | null | undefined }) {
  const { i18n } = useTranslation();
  const f = formatDateTime(value, i18n.language);
  if (!f) return <EmptyValue />;
  return (
    <time dateTime={f.iso} title={f.utc}>
      {f.local}
    </time>
  );
}
