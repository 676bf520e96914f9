import { EmptyValue } from './empty-value.tsx';
import './field-list.css';

/** Every field of a wire object as a definition list, nested values as formatted JSON. */
export function FieldList({ value }: { value: Readonly<Record<string, unknown>> }) {
  return (
    <dl className="field-list">
      {Object.entries(value).map(([key, v]) => (
        <div key={key} className="field-list__row">
          <dt>
            <code>{key}</code>
          </dt>
          <dd>
            <FieldValue value={v} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function FieldValue({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <EmptyValue />;
  if (typeof value === 'object')
    return <pre className="field-list__json">{JSON.stringify(value, null, 2)}</pre>;
  return <>{String(value)}</>;
}
