import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HostsProblem } from './parse-hosts.ts';

/** How many problems are listed; the count always covers them all. */
export const SHOWN_PROBLEMS = 50;

/** One problem as a sentence in the reader's language, without its line. */
export function problemText(t: TFunction<'connections'>, p: HostsProblem, kind: 'line' | 'row'): string {
  const code = p.code === 'duplicate' && kind === 'row' ? 'duplicateRow' : p.code;
  return t(`editor.hosts.problem.${code}`, { value: p.value ?? '', other: p.other ?? '', ip: p.otherIp ?? '' });
}

export interface HostsProblemsProps {
  id: string;
  problems: readonly HostsProblem[];
  /** Pasted text has lines; the rows editor has rows (which can be jumped to). */
  kind: 'line' | 'row';
  onGoToRow?: ((row: number) => void) | undefined;
}

/** The count of problems and the first of them, each naming its line ("Line 17: …"). */
export function HostsProblems({ id, problems, kind, onGoToRow }: HostsProblemsProps) {
  const { t } = useTranslation('connections');
  if (problems.length === 0) return null;
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const where = kind === 'line' ? 'editor.hosts.problem.atLine' : 'editor.hosts.problem.atRow';
  return (
    <div id={id} className="hosts-problems">
      <p className="hosts-problems__title">{t('editor.hosts.problemsTitle', { n: problems.length })}</p>
      <ol className="hosts-problems__list">
        {shown.map((p, i) => {
          const text = t(where, { line: p.line, message: problemText(t, p, kind) });
          return (
            <li key={`${p.line}-${p.code}-${i}`}>
              {onGoToRow && p.code !== 'tooMany' ? (
                <button type="button" className="button--link button" onClick={() => onGoToRow(p.line)}>
                  {text}
                </button>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ol>
      {problems.length > shown.length && (
        <p className="muted">{t('editor.hosts.problemsMore', { n: problems.length - shown.length })}</p>
      )}
    </div>
  );
}
