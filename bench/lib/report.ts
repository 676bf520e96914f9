/** The report's building blocks: each benchmark returns a Section; run-all renders them to markdown. */
import os from 'node:os';

export type Verdict = 'met' | 'missed' | 'not measured';

export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  verdict: Verdict;
}

export interface Section {
  id: string;
  title: string;
  /** skipped: nothing measured; partial: some parts skipped (their reasons are in notes). */
  status: 'ok' | 'partial' | 'skipped' | 'failed';
  /** Markdown lines: tables and prose. */
  body: string[];
  /** "skipped: …", "how measured: …" and the like, listed under the body. */
  notes: string[];
  targets: TargetCheck[];
  durationMs: number;
}

/** A markdown table; the first column is left-aligned, the others right-aligned unless `align` says. */
export function table(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  align?: ReadonlyArray<'l' | 'r'>,
): string[] {
  const esc = (c: string) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const side = (i: number) => align?.[i] ?? (i === 0 ? 'l' : 'r');
  return [
    `| ${headers.map(esc).join(' | ')} |`,
    `| ${headers.map((_, i) => (side(i) === 'l' ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
}

export function verdict(met: boolean | undefined): Verdict {
  return met === undefined ? 'not measured' : met ? 'met' : 'missed';
}

/** Collects one benchmark's output; `skip` records a missing prerequisite without failing the run. */
export class SectionBuilder {
  readonly body: string[] = [];
  readonly notes: string[] = [];
  readonly targets: TargetCheck[] = [];
  private skippedParts = 0;
  private measuredParts = 0;
  private readonly started = performance.now();
  private readonly loadAtStart = os.loadavg()[0]!;

  constructor(
    readonly id: string,
    readonly title: string,
  ) {}

  line(...lines: string[]): this {
    this.body.push(...lines);
    return this;
  }

  table(
    headers: readonly string[],
    rows: ReadonlyArray<readonly string[]>,
    align?: ReadonlyArray<'l' | 'r'>,
  ): this {
    this.body.push(...table(headers, rows, align), '');
    this.measuredParts++;
    return this;
  }

  note(text: string): this {
    this.notes.push(text);
    return this;
  }

  skip(reason: string): this {
    this.notes.push(`skipped: ${reason}`);
    this.skippedParts++;
    console.log(`  [${this.id}] skipped: ${reason}`);
    return this;
  }

  target(name: string, target: string, measured: string, met: boolean | undefined): this {
    this.targets.push({ name, target, measured, verdict: verdict(met) });
    return this;
  }

  build(failure?: unknown): Section {
    let status: Section['status'] =
      this.measuredParts === 0 ? 'skipped' : this.skippedParts > 0 ? 'partial' : 'ok';
    if (failure !== undefined) {
      status = 'failed';
      const message = failure instanceof Error ? failure.message : String(failure);
      this.notes.push(`failed: ${message.split('\n')[0]}`);
    }
    // Other work on the machine skews timings; the 1-minute load average says how busy it was.
    if (this.measuredParts > 0)
      this.notes.push(
        `machine load (1-min average) at start / end: ${this.loadAtStart.toFixed(2)} / ${os.loadavg()[0]!.toFixed(2)} on ${os.cpus().length} cores`,
      );
    return {
      id: this.id,
      title: this.title,
      status,
      body: this.body,
      notes: this.notes,
      targets: this.targets,
      durationMs: performance.now() - this.started,
    };
  }
}

export function renderSection(s: Section): string {
  const out = [
    `## ${s.title}`,
    '',
    `Status: **${s.status}** (${(s.durationMs / 1000).toFixed(1)} s)`,
    '',
  ];
  out.push(...s.body);
  if (s.targets.length > 0) {
    out.push(
      '',
      ...table(
        ['target', 'goal', 'measured', 'verdict'],
        s.targets.map((t) => [t.name, t.target, t.measured, t.verdict]),
        ['l', 'l', 'l', 'l'],
      ),
    );
  }
  if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `- ${n}`));
  return out.join('\n').replace(/\n{3,}/g, '\n\n') + '\n';
}

export interface ReportInput {
  date: Date;
  machine: ReadonlyArray<readonly [string, string]>;
  command: string;
  settings: ReadonlyArray<readonly [string, string]>;
  sections: readonly Section[];
}

export function renderReport(r: ReportInput): string {
  const targets = r.sections.flatMap((s) =>
    s.targets.map(
      (t) => [s.title.replace(/^\d+\.\s*/, ''), t.name, t.target, t.measured, t.verdict] as const,
    ),
  );
  const out = [
    `# Benchmark report, ${r.date.toISOString().replace('T', ' ').slice(0, 19)} UTC`,
    '',
    `Command: \`${r.command}\``,
    '',
    '## Machine',
    '',
    ...table(['', ''], r.machine, ['l', 'l']),
    '',
    '## Settings',
    '',
    ...table(['', ''], r.settings, ['l', 'l']),
    '',
    '## Targets',
    '',
    ...(targets.length > 0
      ? table(['benchmark', 'target', 'goal', 'measured', 'verdict'], targets, [
          'l',
          'l',
          'l',
          'l',
          'l',
        ])
      : ['(none measured)']),
    '',
    ...table(
      ['benchmark', 'status', 'notes'],
      r.sections.map((s) => [
        s.title,
        s.status,
        s.notes.filter((n) => /^(skipped|failed)/.test(n)).join('; ') || '',
      ]),
      ['l', 'l', 'l'],
    ),
    '',
  ];
  return out.join('\n') + '\n' + r.sections.map(renderSection).join('\n');
}
