import type { DoctorResult, EnhancedConnection, Host } from '@dsc/api-types';
import { DOCTOR_PARALLEL_TESTS, DOCTOR_RESULTS_MAX, queueStatusOf } from '@dsc/api-types/meta';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../lib/session.ts';
import { ErrorState } from '../../ui/error-state.tsx';
import { StatusBadge } from '../../ui/status-badge.tsx';
import { useBindQueues } from '../connections/mutations.ts';
import type { RouteDraft } from './add-route-dialog.tsx';
import { readAddresses } from './addresses.ts';
import { diagnose, diagnosisCode, routeNameFor, type Finding } from './diagnose.ts';
import { DoctorHistoryList } from './doctor-history.tsx';
import { listedPrivisOptions, useRecordRun } from './queries.ts';
import { runTests, type TestCase, type TestState } from './run-tests.ts';
import './doctor.css';

/** Poll a running test this often, and give up after POLL_LIMIT polls. */
export const POLL_MS = 1_000;
const POLL_LIMIT = 60;
const HOST_CHOICES = 500;

export interface DoctorPanelProps {
  connection: EnhancedConnection;
  readOnly: boolean;
  onAddRoute: (draft: RouteDraft) => void;
  onAddHost: (host: string) => void;
  /** Test hook: how long to wait between polls. */
  pollMs?: number;
}

interface Row extends TestCase {
  state: TestState;
}

/**
 * The connection doctor: each chosen bound queue × each address is tested (at most
 * DOCTOR_PARALLEL_TESTS at once); an unreachable one is explained from the binding, the
 * project's authorisation, the hosts and the routes, with a button for the fix. Each finished
 * run is kept in the connection's history (decision 013).
 */
export function DoctorPanel({ connection, readOnly, onAddRoute, onAddHost, pollMs = POLL_MS }: DoctorPanelProps) {
  const { t } = useTranslation('doctor');
  const canRun = usePermission('dli.startConnectionTest');
  const queues = connection.available_queue_info.map((q) => q.name);
  const [chosen, setChosen] = useState<string[]>(queues);
  const [text, setText] = useState('');
  const [pick, setPick] = useState('');
  const [port, setPort] = useState('');
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const record = useRecordRun(connection.id);
  const privis = useQuery(listedPrivisOptions(connection.id, connection.name));
  const { addresses, problems } = useMemo(() => readAddresses(text), [text]);
  const active = chosen.filter((q) => queues.includes(q));
  const count = active.length * addresses.length;
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    const cases = active.flatMap((queue) => addresses.map((address) => ({ queue, address })));
    const controller = new AbortController();
    abort.current = controller;
    record.reset();
    setRunning(true);
    setRows(cases.map((c) => ({ ...c, state: { phase: 'waiting' } })));
    void privis.refetch();
    try {
      const states = await runTests(cases, {
        parallel: DOCTOR_PARALLEL_TESTS,
        pollMs,
        maxPolls: POLL_LIMIT,
        signal: controller.signal,
        onUpdate: (i, state) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, state } : r))),
      });
      const results: DoctorResult[] = cases.map((c, i) => resultOf(c, states[i]!, findingsFor(c)));
      record.mutate(results);
    } catch {
      // Stopped: nothing is recorded.
    } finally {
      setRunning(false);
    }
  };

  const findingsFor = (c: TestCase): Finding[] =>
    diagnose({ connection, isPrivis: privis.data ?? undefined, queue: c.queue, address: c.address });

  const done = rows.filter((r) => r.state.phase === 'done' || r.state.phase === 'error').length;
  const hostNames = connection.hosts.slice(0, HOST_CHOICES) as Host[];

  return (
    <section aria-labelledby="doctor-heading" className="detail-section doctor">
      <h2 id="doctor-heading" className="section-title">
        {t('doctor.title')}
      </h2>
      <p className="muted">{t('doctor.intro')}</p>
      {queues.length === 0 ? (
        <p className="muted">{t('doctor.noQueues')}</p>
      ) : (
        <form
          className="doctor__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!running && count > 0 && count <= DOCTOR_RESULTS_MAX && problems.length === 0) void run();
          }}
        >
          <fieldset className="doctor__queues">
            <legend>{t('doctor.queues')}</legend>
            {connection.available_queue_info.map((q) => (
              <label key={q.name} className="doctor__queue">
                <input
                  type="checkbox"
                  checked={chosen.includes(q.name)}
                  onChange={(e) => setChosen((prev) => (e.target.checked ? [...prev, q.name] : prev.filter((x) => x !== q.name)))}
                />{' '}
                <span className="mono">{q.name}</span> <StatusBadge status={q.status} />
              </label>
            ))}
          </fieldset>
          <div className="form-field">
            <label htmlFor="doctor-addresses" className="form-field__label">
              {t('doctor.addresses')}
            </label>
            <textarea
              id="doctor-addresses"
              className="input mono doctor__addresses"
              rows={3}
              value={text}
              aria-describedby="doctor-addresses-hint doctor-addresses-problems"
              aria-invalid={problems.length > 0 || undefined}
              onChange={(e) => setText(e.target.value)}
            />
            <p id="doctor-addresses-hint" className="form-field__hint">
              {t('doctor.addressesHint')}
            </p>
            <div id="doctor-addresses-problems">
              {problems.map((p) => (
                <p key={p.line} className="field-error">
                  {t('doctor.addressProblem', { line: p.line, problem: t(`doctor.problem.${p.reason}`) })}
                </p>
              ))}
            </div>
          </div>
          {hostNames.length > 0 && (
            <div className="doctor__pick">
              <div className="form-field">
                <label htmlFor="doctor-pick-host" className="form-field__label">
                  {t('doctor.pickHost')}
                </label>
                <input
                  id="doctor-pick-host"
                  className="input mono"
                  list="doctor-host-names"
                  value={pick}
                  aria-describedby="doctor-pick-hint"
                  onChange={(e) => setPick(e.target.value)}
                />
                <datalist id="doctor-host-names">
                  {hostNames.map((h) => (
                    <option key={h.name} value={h.name}>
                      {h.ip}
                    </option>
                  ))}
                </datalist>
                <p id="doctor-pick-hint" className="form-field__hint">
                  {t('doctor.pickHostHint')}
                </p>
              </div>
              <div className="form-field doctor__port">
                <label htmlFor="doctor-pick-port" className="form-field__label">
                  {t('doctor.port')}
                </label>
                <input
                  id="doctor-pick-port"
                  className="input mono"
                  inputMode="numeric"
                  value={port}
                  onChange={(e) => setPort(e.target.value)}
                />
              </div>
              <button
                type="button"
                className="button"
                disabled={!pick.trim()}
                onClick={() => {
                  const address = port.trim() ? `${pick.trim()}:${port.trim()}` : pick.trim();
                  setText((prev) => (prev.trim() ? `${prev.replace(/\s+$/, '')}\n${address}` : address));
                  setPick('');
                }}
              >
                {t('doctor.addAddress')}
              </button>
            </div>
          )}
          <div className="doctor__actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={!canRun.allowed || readOnly || running || count === 0 || count > DOCTOR_RESULTS_MAX || problems.length > 0}
              aria-busy={running || undefined}
            >
              {running ? t('doctor.running', { done, n: rows.length }) : t('doctor.run', { n: count })}
            </button>
            {running && (
              <button type="button" className="button" onClick={() => abort.current?.abort()}>
                {t('doctor.stop')}
              </button>
            )}
            {count > DOCTOR_RESULTS_MAX && <span className="field-error">{t('doctor.tooMany', { max: DOCTOR_RESULTS_MAX })}</span>}
          </div>
        </form>
      )}
      {rows.length > 0 && (
        <div className="data-table__scroll">
          <table className="data-table doctor__results">
            <caption className="visually-hidden">{t('doctor.resultsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('doctor.columns.queue')}</th>
                <th scope="col">{t('doctor.columns.address')}</th>
                <th scope="col">{t('doctor.columns.result')}</th>
                <th scope="col">{t('doctor.columns.diagnosis')}</th>
              </tr>
            </thead>
            <tbody aria-live="polite">
              {rows.map((r) => (
                <tr key={`${r.queue} ${r.address}`}>
                  <th scope="row" className="mono">
                    {r.queue}
                  </th>
                  <td className="mono">{r.address}</td>
                  <td>
                    <ResultBadge state={r.state} />
                  </td>
                  <td>
                    <Diagnosis
                      row={r}
                      findings={r.state.phase === 'done' && r.state.connectivity === 'UNREACHABLE' ? findingsFor(r) : []}
                      connectionId={connection.id}
                      readOnly={readOnly}
                      onAddRoute={onAddRoute}
                      onAddHost={onAddHost}
                      pollMs={pollMs}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {record.isSuccess && (
        <p className="muted" role="status">
          {t('doctor.savedHistory')}
        </p>
      )}
      {record.isError && <ErrorState error={record.error} title={t('doctor.saveFailed')} />}
      <DoctorHistoryList connectionId={connection.id} />
    </section>
  );
}

function resultOf(c: TestCase, state: TestState, findings: Finding[]): DoctorResult {
  if (state.phase === 'done') {
    return state.connectivity === 'REACHABLE'
      ? { queue: c.queue, address: c.address, outcome: 'REACHABLE' }
      : { queue: c.queue, address: c.address, outcome: 'UNREACHABLE', diagnosis: diagnosisCode(findings) };
  }
  const detail = state.phase === 'error' ? (state.code ?? state.message) : 'stopped';
  return { queue: c.queue, address: c.address, outcome: 'error', detail: detail.slice(0, 300) };
}

function ResultBadge({ state }: { state: TestState }) {
  const { t } = useTranslation('doctor');
  if (state.phase === 'waiting') return <span className="muted">{t('doctor.waiting')}</span>;
  if (state.phase === 'checking') return <StatusBadge status="CHECKING" />;
  if (state.phase === 'done') return <StatusBadge status={state.connectivity} />;
  return <StatusBadge status="ERROR" />;
}

function Diagnosis({
  row,
  findings,
  connectionId,
  readOnly,
  onAddRoute,
  onAddHost,
  pollMs,
}: {
  row: Row;
  findings: Finding[];
  connectionId: string;
  readOnly: boolean;
  onAddRoute: (draft: RouteDraft) => void;
  onAddHost: (host: string) => void;
  pollMs: number;
}) {
  const { t } = useTranslation('doctor');
  const canBind = usePermission('dli.associateQueue').allowed && !readOnly;
  const canRoute = usePermission('dli.createRoute').allowed && !readOnly;
  const canHost = usePermission('dli.replaceHosts').allowed && !readOnly;
  const bind = useBindQueues(connectionId);
  const { state } = row;
  if (state.phase === 'error') {
    const message = state.message === 'timeout' ? t('doctor.timeout', { seconds: Math.round((POLL_LIMIT * pollMs) / 1000) }) : state.message;
    return (
      <p>
        {t('doctor.findings.error', { message })}
        {state.requestId && <span className="muted"> {t('doctor.requestId', { id: state.requestId })}</span>}
      </p>
    );
  }
  if (state.phase !== 'done') return null;
  if (state.connectivity === 'REACHABLE') return <p className="muted">{t('doctor.reachable')}</p>;
  return (
    <ul className="doctor__findings">
      {findings.map((f) => (
        <li key={f.kind}>
          {f.kind === 'binding-not-active' && (
            <>
              {t('doctor.findings.binding-not-active', { queue: f.queue, status: f.status })}
              {f.errMsg && <> {t('doctor.findings.binding-error', { error: f.errMsg })}</>}
              {queueStatusOf(f.status) === 'CREATING' && <> {t('doctor.findings.binding-creating')}</>}
              {f.failed && canBind && (
                <button type="button" className="button button--small" disabled={bind.isPending} onClick={() => bind.mutate([f.queue])}>
                  {bind.isPending ? t('doctor.fixes.retrying') : t('doctor.fixes.retry', { queue: f.queue })}
                </button>
              )}
              {bind.isError && <ErrorState error={bind.error} />}
            </>
          )}
          {f.kind === 'not-authorised' && (
            <>
              {t('doctor.findings.not-authorised')}{' '}
              <a
                href="#authorisations"
                onClick={() => document.getElementById('authorisations-heading')?.focus()}
              >
                {t('doctor.fixes.authorise')}
              </a>
            </>
          )}
          {f.kind === 'host-unknown' && (
            <>
              {t('doctor.findings.host-unknown', { host: f.host })}
              {canHost && (
                <button type="button" className="button button--small" onClick={() => onAddHost(f.host)}>
                  {t('doctor.fixes.addHost', { host: f.host })}
                </button>
              )}
            </>
          )}
          {f.kind === 'no-route' && (
            <>
              {f.ip ? t('doctor.findings.no-route', { ip: f.ip }) : t('doctor.findings.no-route-unknown')}
              {f.cidr && canRoute && (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onAddRoute({ name: routeNameFor(f.cidr!), cidr: f.cidr! })}
                >
                  {t('doctor.fixes.addRoute', { cidr: f.cidr })}
                </button>
              )}
            </>
          )}
          {f.kind === 'unexplained' && t('doctor.findings.unexplained')}
        </li>
      ))}
    </ul>
  );
}
