import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../ui/error-state.tsx';
import { fieldMessage } from './field-message.ts';
import { queueChoices, queuesOptions, type QueueChoice } from './queues-query.ts';

export interface QueueSelectProps {
  id: string;
  legend: string;
  value: readonly string[];
  onChange: (queues: string[]) => void;
  /** Queues not to offer at all (e.g. already bound). */
  exclude?: readonly string[] | undefined;
  error?: string | undefined;
  disabled?: boolean | undefined;
  onBlur?: (() => void) | undefined;
}

/**
 * A multi-select of the project's queues as checkboxes: usable ones can be ticked; the others are
 * listed, disabled, with the reason enhanced connections cannot use them.
 */
export function QueueSelect({ id, legend, value, onChange, exclude, error, disabled, onBlur }: QueueSelectProps) {
  const { t } = useTranslation('connections');
  const query = useQuery(queuesOptions());
  const choices = query.data ? queueChoices(query.data, exclude) : [];
  const usable = choices.filter((c) => c.usable);
  const unusable = choices.filter((c) => !c.usable);
  const selected = new Set(value);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const message = fieldMessage(t, error);

  const toggle = (name: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(name);
    else next.delete(name);
    onChange(choices.filter((c) => next.has(c.queue.queue_name)).map((c) => c.queue.queue_name));
  };

  return (
    <fieldset
      className="queue-select"
      aria-describedby={message ? `${hintId} ${errorId}` : hintId}
      disabled={disabled}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) onBlur?.();
      }}
    >
      <legend className="queue-select__legend">{legend}</legend>
      <p id={hintId} className="field-hint">
        {t('editor.queues.rule')}
      </p>
      {query.isPending && (
        <p role="status" className="muted">
          {t('editor.queues.loading')}
        </p>
      )}
      {query.isError && (
        <ErrorState
          error={query.error}
          title={t('editor.queues.loadFailed')}
          onRetry={() => void query.refetch()}
        />
      )}
      {query.data && usable.length === 0 && (
        <p className="muted">{exclude?.length ? t('editor.queues.noneLeft') : t('editor.queues.noneUsable')}</p>
      )}
      {usable.length > 0 && (
        <ul className="queue-select__list">
          {usable.map((c) => (
            <QueueOption
              key={c.queue.queue_name}
              id={id}
              choice={c}
              checked={selected.has(c.queue.queue_name)}
              onToggle={toggle}
            />
          ))}
        </ul>
      )}
      {unusable.length > 0 && (
        <div className="queue-select__unusable">
          <p className="queue-select__subhead">{t('editor.queues.unusableSummary', { n: unusable.length })}</p>
          <ul className="queue-select__list">
            {unusable.map((c) => (
              <QueueOption key={c.queue.queue_name} id={id} choice={c} checked={false} onToggle={toggle} />
            ))}
          </ul>
        </div>
      )}
      {message && (
        <p id={errorId} className="field-error">
          {message}
        </p>
      )}
    </fieldset>
  );
}

function QueueOption({
  id,
  choice,
  checked,
  onToggle,
}: {
  id: string;
  choice: QueueChoice;
  checked: boolean;
  onToggle: (name: string, on: boolean) => void;
}) {
  const { t } = useTranslation('connections');
  const q = choice.queue;
  const inputId = `${id}-${q.queue_name}`;
  const detailId = `${inputId}-detail`;
  const facts = [
    q.queue_type ? t(`editor.queues.type.${q.queue_type === 'general' ? 'general' : 'sql'}`) : undefined,
    q.cu_count !== undefined ? t('editor.queues.cu', { n: q.cu_count }) : undefined,
    q.resource_mode === 1 ? t('editor.queues.dedicated') : q.resource_mode === 0 ? t('editor.queues.shared') : undefined,
    q.charging_mode === 2 ? t('editor.queues.yearly') : q.charging_mode === 1 ? t('editor.queues.perUse') : undefined,
  ].filter(Boolean);
  return (
    <li className="queue-select__item" data-usable={choice.usable || undefined}>
      <input
        id={inputId}
        type="checkbox"
        checked={checked}
        disabled={!choice.usable}
        aria-describedby={detailId}
        onChange={(e) => onToggle(q.queue_name, e.target.checked)}
      />
      <label htmlFor={inputId} className="queue-select__name">
        {q.queue_name}
      </label>
      <span id={detailId} className="queue-select__facts">
        {facts.join(' · ')}
        {!choice.usable && (
          <span className="queue-select__reason">
            {' — '}
            {t(choice.reason === 'default' ? 'editor.queues.reasonDefault' : 'editor.queues.reasonShared')}
          </span>
        )}
      </span>
    </li>
  );
}
