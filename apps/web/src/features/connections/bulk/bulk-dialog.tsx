import type { ConnectionRow } from '@dsc/api-types';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../ui/modal-dialog.tsx';
import '../../../ui/confirm-dialog.css';
import { bulkTasks, queueNamesOf, runTasks, type BulkKind, type TaskState } from './bulk-tasks.ts';

export interface BulkDialogProps {
  kind: BulkKind;
  rows: readonly ConnectionRow[];
  /** Where the changes happen, named in the confirmation. */
  target: string;
  onClose: () => void;
  /** After the last change settled: the lists are read again. */
  onFinished: () => void;
}

/** One confirmation naming what changes and where, then progress and the outcome per row, then a summary. */
export function BulkDialog({ kind, rows, target, onClose, onFinished }: BulkDialogProps) {
  const { t } = useTranslation('connections');
  const queueOptions = useMemo(() => queueNamesOf(rows), [rows]);
  const [queue, setQueue] = useState(queueOptions[0] ?? '');
  const tasks = useMemo(() => bulkTasks(kind, rows, queue), [kind, rows, queue]);
  const [states, setStates] = useState<Record<string, TaskState>>({});
  const [phase, setPhase] = useState<'confirm' | 'running' | 'finished'>('confirm');
  const abort = useRef(new AbortController());
  useEffect(() => () => abort.current.abort(), []);

  const start = async () => {
    setPhase('running');
    setStates(Object.fromEntries(tasks.map((task) => [task.id, { phase: 'waiting' } as TaskState])));
    await runTasks(tasks, (id, state) => setStates((s) => ({ ...s, [id]: state })), { signal: abort.current.signal });
    setPhase('finished');
    onFinished();
  };

  const done = Object.values(states).filter((s) => s.phase === 'done').length;
  const failed = Object.values(states).filter((s) => s.phase === 'failed').length;

  return (
    <ModalDialog title={t(`bulk.title.${kind}`)} onClose={onClose} className="modal-dialog--wide">
      {phase === 'confirm' && kind === 'unbind' && (
        <p>
          <label>
            {t('bulk.queueToUnbind')}{' '}
            <select className="select" value={queue} onChange={(e) => setQueue(e.target.value)}>
              {queueOptions.map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </label>
        </p>
      )}
      <p data-testid="bulk-what">
        {t(`bulk.confirm.${kind}`, { count: tasks.length, target, queue })}
        {rows.length > tasks.length && ` ${t('bulk.notApplicable', { count: rows.length - tasks.length })}`}
      </p>
      <ul className="bulk-rows" aria-label={t('bulk.rowsLabel')}>
        {tasks.map((task) => {
          const state = states[task.id];
          return (
            <li key={task.id} className="bulk-rows__item" data-state={state?.phase ?? 'pending'}>
              <span className="mono">{task.name}</span>
              {task.queues.length > 0 && <span className="muted"> ({task.queues.join(', ')})</span>}
              {state && (
                <span className="bulk-rows__state">
                  {' — '}
                  {t(`bulk.state.${state.phase}`)}
                  {state.phase === 'failed' && (
                    <>
                      {': '}
                      {state.message}
                      {state.requestId && (
                        <>
                          {' '}
                          {t('bulk.requestId')} <code>{state.requestId}</code>
                        </>
                      )}
                    </>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {phase === 'finished' && (
        <p role="status" className="bulk-summary">
          {t('bulk.summary', { done, failed, total: tasks.length })}
        </p>
      )}
      <div className="confirm-dialog__actions">
        {phase === 'confirm' && (
          <>
            <button type="button" className="button" onClick={onClose}>
              {t('bulk.cancel')}
            </button>
            <button
              type="button"
              className={kind === 'delete' ? 'button button--danger' : 'button button--primary'}
              disabled={tasks.length === 0}
              onClick={() => void start()}
            >
              {t(`bulk.go.${kind}`, { count: tasks.length })}
            </button>
          </>
        )}
        {phase === 'running' && (
          <p role="status">{t('bulk.running', { done: done + failed, total: tasks.length })}</p>
        )}
        {phase === 'finished' && (
          <button type="button" className="button" onClick={onClose}>
            {t('bulk.close')}
          </button>
        )}
      </div>
    </ModalDialog>
  );
}
