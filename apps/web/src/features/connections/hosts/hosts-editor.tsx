import { MAX_HOSTS } from '@dsc/api-types';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldMessage } from '../field-message.ts';
import { HeldTextPanel } from './held-text-panel.tsx';
import { heldStatus, holdText, orderText, type HeldSource, type HeldText } from './held-text.ts';
import { HostList } from './host-list.ts';
import { HostRows, type RowFieldErrors } from './host-rows.tsx';
import { HostsProblems, problemText } from './hosts-problems.tsx';
import { checkHostRows, formatHostsText, type HostsProblem, type HostsProblemCode } from './parse-hosts.ts';
import { countLines, isLargeText } from './large-text.ts';
import { useHostsParse } from './use-hosts-parse.ts';
import './hosts-editor.css';

/** What the form needs to know before it may send: is text still being read, is anything wrong. */
export interface HostsEditorState {
  reading: boolean;
  problems: number;
}

export interface HostsEditorProps {
  id: string;
  value: HostList;
  onChange: (hosts: HostList) => void;
  onStateChange: (state: HostsEditorState) => void;
  /** Per-entry errors from the form (schema or server `hosts.N.name` / `hosts.N.ip`). */
  rowErrors?: readonly (RowFieldErrors | undefined)[] | undefined;
  /** An error about the whole list (e.g. too many entries, or "fix the problems first"). */
  listError?: string | undefined;
  /** Rows show their own problems once a submit was attempted (then live as they are fixed). */
  showAllProblems: boolean;
  disabled?: boolean | undefined;
}

type Mode = 'rows' | 'text';

const MAX_FILE_BYTES = 8 * 1024 * 1024;
const NAME_CODES: ReadonlySet<HostsProblemCode> = new Set([
  'missingName',
  'nameStart',
  'nameChars',
  'nameTooLong',
  'duplicate',
]);
/** Beyond this many rows a search box helps find the one to edit. */
const FILTER_FROM = 10;

/**
 * Hosts as rows (add, edit, remove) or as text (paste /etc/hosts or CSV, or load a file), checked
 * by the same rules as the upstream schema, in a worker, with every problem tied to its line or
 * row. A text too large for the textarea (large-text.ts) never enters it: it goes straight to the
 * worker and its entries are shown as a table, with the text one click away.
 */
export function HostsEditor({
  id,
  value,
  onChange,
  onStateChange,
  rowErrors,
  listError,
  showAllProblems,
  disabled,
}: HostsEditorProps) {
  const { t } = useTranslation('connections');
  const [mode, setMode] = useState<Mode>('rows');
  const [text, setText] = useState('');
  const [held, setHeld] = useState<HeldText | null>(null);
  const [filter, setFilter] = useState('');
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const [focusText, setFocusText] = useState<'panel' | 'textarea' | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // Text that reads back to the same entries (the list viewed as text) leaves the value as it was,
  // so the form does not count it as a change.
  const parsed = useHostsParse((list) => {
    if (!list.equals(value)) onChange(list);
  });
  const panelRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const uid = useId();
  const textId = `${id}-text`;
  const hintId = `${id}-hint`;
  const problemsId = `${id}-problems`;
  const statusId = `${id}-status`;
  const mergedId = `${id}-merged`;

  const rows = value.items;
  const rowProblems = useMemo(() => (mode === 'rows' ? checkHostRows(rows) : []), [mode, rows]);
  const textProblems = mode === 'text' ? (parsed.result?.errors ?? []) : [];
  const reading = mode === 'text' && parsed.reading;
  const problemCount = mode === 'rows' ? rowProblems.length : textProblems.length;

  useEffect(() => {
    onStateChange({ reading, problems: problemCount });
  }, [reading, problemCount, onStateChange]);

  const rowProblemFields = useMemo(() => byRow(rowProblems, t), [rowProblems, t]);
  const errorsFor = useCallback(
    (index: number): RowFieldErrors | undefined => {
      const form = rowErrors?.[index];
      const own = showAllProblems ? rowProblemFields.get(index) : undefined;
      const name = fieldMessage(t, form?.name) ?? own?.name;
      const ip = fieldMessage(t, form?.ip) ?? own?.ip;
      return name || ip ? { name, ip } : undefined;
    },
    [rowErrors, rowProblemFields, showAllProblems, t],
  );

  const indices = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = rows.map((_, i) => i);
    if (!q) return all;
    return all.filter((i) => {
      const h = rows[i]!;
      return h.name.toLowerCase().includes(q) || h.ip.includes(q);
    });
  }, [rows, filter]);

  // After a large paste the textarea that had focus is gone: focus moves to the panel standing in
  // for it (and back to the textarea when the text is shown there).
  useEffect(() => {
    if (focusText === null) return;
    (focusText === 'panel' ? panelRef.current : textareaRef.current)?.focus();
    setFocusText(null);
  }, [focusText]);

  /** Text mode with this text: in the textarea, or held out of it when it is too large. */
  const startText = (content: string, source: HeldSource, focus = false) => {
    if (isLargeText(content)) {
      setHeld(holdText(content, source));
      setText('');
      if (focus) setFocusText('panel');
    } else {
      setHeld(null);
      setText(content);
      if (focus) setFocusText('textarea');
    }
    setMode('text');
    setFilter('');
    parsed.parse(content, true);
  };

  /**
   * A large paste is taken from the clipboard event and never inserted: the textarea would spend
   * a second or more laying it out. What the box would then hold (its text with the selection
   * replaced by the paste) goes to the worker instead.
   */
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (!isLargeText(pasted)) return;
    e.preventDefault();
    const area = e.currentTarget;
    startText(area.value.slice(0, area.selectionStart) + pasted + area.value.slice(area.selectionEnd), { kind: 'paste' }, true);
  };

  /** A paste on the panel adds to the held text, as in the box with the cursor at its end. */
  const onPanelPaste = (e: ClipboardEvent<HTMLElement>) => {
    if (!held) return;
    e.preventDefault();
    startText(held.text + e.clipboardData.getData('text/plain'), { kind: 'paste' }, true);
  };

  const editAsText = () => {
    if (!held) return;
    setText(held.text);
    setHeld(null);
    setFocusText('textarea');
  };

  const toRows = () => {
    parsed.reset();
    setHeld(null);
    setMode('rows');
  };

  const addRow = () => {
    onChange(value.append({ name: '', ip: '' }));
    setFilter('');
    setFocusRow(value.length);
  };

  const removeRow = (index: number) => {
    onChange(value.without(index));
    if (value.length > 1) setFocusRow(Math.min(index, value.length - 2));
    else document.getElementById(`${id}-add`)?.focus();
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('editor.hosts.fileTooBig', { name: file.name, max: MAX_FILE_BYTES / 1024 / 1024 }));
      return;
    }
    try {
      setFileError(null);
      startText(await readText(file), { kind: 'file', name: file.name });
    } catch {
      setFileError(t('editor.hosts.fileUnreadable', { name: file.name }));
    }
  };

  const clearFocus = useCallback(() => setFocusRow(null), []);
  const textRowErrors = mode === 'text' ? serverErrorsByLine(rowErrors, parsed.result?.lines, t) : [];
  const blockedToRows = reading || textProblems.length > 0;
  const merged = mode === 'text' ? (parsed.result?.merged ?? 0) : 0;
  const describedBy = `${hintId} ${statusId}${merged > 0 ? ` ${mergedId}` : ''}${textProblems.length > 0 ? ` ${problemsId}` : ''}`;
  // Counted only for a text shown in the box (a held one is never there): warns that editing it
  // may pause the page.
  const largeLines = useMemo(() => (mode === 'text' && !held && isLargeText(text) ? countLines(text) : 0), [mode, held, text]);

  return (
    <div className="hosts-editor">
      <p id={hintId} className="field-hint">
        {t('editor.hosts.hint', { max: MAX_HOSTS.toLocaleString() })}
      </p>
      <div className="hosts-editor__toolbar">
        <fieldset className="hosts-editor__mode" disabled={disabled}>
          <legend className="visually-hidden">{t('editor.hosts.modeLabel')}</legend>
          <label>
            <input
              type="radio"
              name={`${uid}-mode`}
              checked={mode === 'rows'}
              disabled={mode === 'text' && blockedToRows}
              aria-describedby={mode === 'text' && blockedToRows ? `${id}-blocked` : undefined}
              onChange={toRows}
            />{' '}
            {t('editor.hosts.modeRows')}
          </label>
          <label>
            <input
              type="radio"
              name={`${uid}-mode`}
              checked={mode === 'text'}
              onChange={() => startText(formatHostsText(rows), { kind: 'list' })}
            />{' '}
            {t('editor.hosts.modeText')}
          </label>
        </fieldset>
        <span className="hosts-editor__file">
          <input
            id={`${id}-file`}
            type="file"
            className="visually-hidden"
            accept=".txt,.csv,.hosts,text/plain,text/csv"
            disabled={disabled}
            onChange={(e) => void onFile(e)}
          />
          <label htmlFor={`${id}-file`} className="button" data-disabled={disabled || undefined}>
            {t('editor.hosts.loadFile')}
          </label>
        </span>
        {value.length > 0 && (
          <button
            type="button"
            className="button"
            disabled={disabled}
            onClick={() => {
              onChange(HostList.empty);
              setText('');
              setHeld(null);
              parsed.reset();
            }}
          >
            {t('editor.hosts.clear')}
          </button>
        )}
        <span id={statusId} className="hosts-editor__status" role="status">
          {mode === 'rows'
            ? t('editor.hosts.count', { n: value.length.toLocaleString() })
            : held
              ? heldStatus(t, held, reading, parsed.result)
              : statusText(t, reading, parsed.result)}
        </span>
      </div>
      {mode === 'text' && (
        // Always there in text mode, so the note is announced when it appears.
        <p id={mergedId} className="hosts-editor__merged muted" role="status">
          {!reading && merged > 0 ? t('editor.hosts.merged', { n: merged.toLocaleString() }) : null}
        </p>
      )}
      {mode === 'text' && blockedToRows && !reading && (
        <p id={`${id}-blocked`} className="muted">
          {t('editor.hosts.rowsBlocked')}
        </p>
      )}
      {fileError && (
        <p className="field-error" role="alert">
          {fileError}
        </p>
      )}

      {mode === 'rows' ? (
        <>
          {value.length > FILTER_FROM && (
            <div className="field hosts-editor__filter">
              <label htmlFor={`${id}-filter`}>{t('editor.hosts.filterLabel')}</label>
              <input
                id={`${id}-filter`}
                type="search"
                className="input"
                value={filter}
                placeholder={t('editor.hosts.filterPlaceholder')}
                onChange={(e) => setFilter(e.target.value)}
              />
              {filter && (
                <span className="muted">
                  {t('editor.hosts.filtered', { shown: indices.length, total: value.length })}
                </span>
              )}
            </div>
          )}
          {value.length === 0 ? (
            <p className="hosts-editor__empty muted">{t('editor.hosts.empty')}</p>
          ) : (
            <HostRows
              idPrefix={id}
              hosts={rows}
              indices={indices}
              errorsFor={errorsFor}
              onEdit={(i, host) => onChange(value.with(i, host))}
              onRemove={removeRow}
              focusRow={focusRow}
              onFocused={clearFocus}
              disabled={disabled}
            />
          )}
          <button
            id={`${id}-add`}
            type="button"
            className="button hosts-editor__add"
            disabled={disabled || value.length >= MAX_HOSTS}
            onClick={addRow}
          >
            {t('editor.hosts.addRow')}
          </button>
          {showAllProblems && (
            <HostsProblems
              id={problemsId}
              problems={rowProblems}
              kind="row"
              onGoToRow={(row) => {
                setFilter('');
                setFocusRow(row - 1);
              }}
            />
          )}
        </>
      ) : held ? (
        <>
          <HeldTextPanel
            ref={panelRef}
            held={held}
            describedBy={describedBy}
            entries={reading ? undefined : parsed.result?.hosts}
            onEditAsText={editAsText}
            onPaste={onPanelPaste}
            disabled={disabled}
          />
        </>
      ) : (
        <>
          <label htmlFor={textId} className="hosts-editor__text-label">
            {t('editor.hosts.textLabel')}
          </label>
          {largeLines > 0 && (
            <p className="hosts-editor__large muted">
              {t('editor.hosts.held.largeInBox', { lines: largeLines.toLocaleString() })}
            </p>
          )}
          <textarea
            ref={textareaRef}
            id={textId}
            className="input hosts-editor__text"
            rows={12}
            value={text}
            spellCheck={false}
            autoComplete="off"
            wrap="off"
            disabled={disabled}
            placeholder={t('editor.hosts.textPlaceholder')}
            aria-describedby={describedBy}
            aria-invalid={textProblems.length > 0 || textRowErrors.length > 0 ? true : undefined}
            onPaste={onPaste}
            onChange={(e) => {
              setText(e.target.value);
              parsed.parse(e.target.value);
            }}
          />
        </>
      )}
      {mode === 'text' && (
        <>
          <HostsProblems id={problemsId} problems={textProblems} kind="line" />
          {textRowErrors.length > 0 && (
            <ul className="hosts-problems__list field-error">
              {textRowErrors.map((e) => (
                <li key={e.key}>{e.text}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {listError && (
        <p className="field-error" role="alert">
          {fieldMessage(t, listError)}
        </p>
      )}
    </div>
  );
}

type T = ReturnType<typeof useTranslation<'connections'>>['t'];

/** Blob.text() where it exists; FileReader for older engines (and jsdom). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsText(file);
  });
}

function byRow(problems: readonly HostsProblem[], t: T): Map<number, RowFieldErrors> {
  const out = new Map<number, RowFieldErrors>();
  for (const p of problems) {
    if (p.code === 'tooMany') continue;
    const index = p.line - 1;
    const entry = out.get(index) ?? {};
    const field = NAME_CODES.has(p.code) ? 'name' : 'ip';
    entry[field] ??= problemText(t, p, 'row');
    out.set(index, entry);
  }
  return out;
}

function statusText(t: T, reading: boolean, result: ReturnType<typeof useHostsParse>['result']): string {
  if (reading) return t('editor.hosts.reading');
  if (!result || result.format === 'empty') return t('editor.hosts.count', { n: 0 });
  const n = result.hosts.length.toLocaleString();
  if (result.format === 'hosts') return t('editor.hosts.readAsHosts', { n });
  if (result.format === 'mixed') return t('editor.hosts.readAsMixed', { n });
  return t(result.csv?.header ? 'editor.hosts.readAsCsvHeader' : 'editor.hosts.readAsCsv', { n, order: orderText(t, result) });
}

/** Server errors on `hosts.N.*` while the list is shown as text: name the line entry N came from. */
function serverErrorsByLine(
  rowErrors: HostsEditorProps['rowErrors'],
  lines: readonly number[] | undefined,
  t: T,
): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  rowErrors?.forEach((e, i) => {
    if (!e) return;
    const line = lines?.[i];
    for (const message of [e.name, e.ip]) {
      if (!message) continue;
      const text = fieldMessage(t, message) ?? message;
      out.push({
        key: `${i}-${out.length}`,
        text:
          line === undefined
            ? t('editor.hosts.problem.atEntry', { entry: i + 1, message: text })
            : t('editor.hosts.problem.atLine', { line, message: text }),
      });
    }
  });
  return out;
}
