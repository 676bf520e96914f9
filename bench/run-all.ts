// `pnpm bench`: every benchmark in one run, then a markdown report (figures, ratios, machine) in
// bench/results/<date>.md and bench/results/latest.md. `pnpm bench -- --only=overhead,bundle`
// runs a subset into bench/results/<date>-only-<names>.md. Knobs are environment variables
// (lib/settings.ts); the report lists them.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runBffOverhead, type BffMemory } from './bff-overhead.ts';
import { runAuditQuery } from './audit-query.ts';
import { runBundle } from './bundle.ts';
import { runColdStart } from './cold-start.ts';
import { runFleet } from './fleet.ts';
import { runHostEditor } from './host-editor.ts';
import { runHostileLoad } from './hostile-load.ts';
import { runLargeLists } from './large-lists.ts';
import { runListBytes } from './list-bytes.ts';
import { chromiumMissing } from './lib/browser.ts';
import { startDemoConsole, type DemoConsole } from './lib/demo-console.ts';
import { describeMachine } from './lib/machine.ts';
import { BENCH_DIR, REPO_ROOT } from './lib/processes.ts';
import { renderReport, renderSection, SectionBuilder, type Section } from './lib/report.ts';
import { describeSettings, loadSettings } from './lib/settings.ts';
import { runSigningCost } from './signing-cost.ts';
import { runReadSharing } from './read-sharing.ts';
import { runUpstreamClient } from './upstream-client.ts';

const ALL = ['overhead', 'signing', 'client', 'sharing', 'bytes', 'lists', 'editor', 'bundle', 'cold', 'fleet', 'hostile', 'audit'] as const;
type Name = (typeof ALL)[number];

function selected(argv: readonly string[]): Set<Name> {
  const arg = argv.find((a) => a.startsWith('--only='));
  if (!arg) return new Set(ALL);
  const names = arg
    .slice('--only='.length)
    .split(',')
    .map((s) => s.trim());
  const unknown = names.filter((n) => !(ALL as readonly string[]).includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  return new Set(names as Name[]);
}

async function main(): Promise<void> {
  const started = new Date();
  const settings = loadSettings();
  const only = selected(process.argv.slice(2));
  const machine = describeMachine(started);
  console.log(
    `pnpm bench: ${[...only].join(', ')} — ${machine.find(([k]) => k === 'CPU')?.[1]}, Node ${process.version}`,
  );

  const sections: Section[] = [];
  const done = (s: Section) => {
    sections.push(s);
    console.log('\n' + renderSection(s));
  };
  const notRun = (id: string, title: string) =>
    done(new SectionBuilder(id, title).skip('not selected (--only)').build());

  // CPU-only first, then the load runs, then the processes that start and the browser.
  if (only.has('signing')) done(await runSigningCost(settings));
  else notRun('signing-cost', '2. Signing cost');
  if (only.has('client')) done(await runUpstreamClient(settings));
  else notRun('upstream-client', '7. Upstream client');
  if (only.has('sharing')) done(await runReadSharing(settings));
  else notRun('read-sharing', '8. Read sharing');
  if (only.has('bytes')) done(await runListBytes(settings));
  else notRun('list-bytes', '9. List bytes');

  let memory: BffMemory | undefined;
  if (only.has('overhead')) {
    const r = await runBffOverhead(settings);
    memory = r.memory;
    done(r.section);
  } else notRun('bff-overhead', '1. BFF overhead');

  if (only.has('fleet')) done(await runFleet(settings));
  else notRun('fleet', '10. Fleet');

  if (only.has('hostile')) done(await runHostileLoad(settings));
  else notRun('hostile-load', '11. Hostile load');

  if (only.has('cold'))
    done(
      await runColdStart(
        settings,
        memory,
        only.has('overhead')
          ? 'the overhead benchmark did not finish'
          : 'the overhead benchmark was not selected',
      ),
    );
  else notRun('cold-start', '6. Cold start and memory');

  if (only.has('audit')) done(await runAuditQuery(settings));
  else notRun('audit-query', '12. Audit query at 1,000,000 entries');

  // The browser benchmarks share one console; starting it builds the web app when the build is stale.
  let app: DemoConsole | undefined;
  const dir = mkdtempSync(join(tmpdir(), 'bench-run-'));
  const browserWanted = only.has('lists') || only.has('editor');
  let consoleProblem: string | undefined = browserWanted ? chromiumMissing() : undefined;
  if ((browserWanted || only.has('bundle')) && !consoleProblem) {
    try {
      console.log(
        `\nStarting the demo console with ${settings.listSize} enhanced connections (builds the web app when stale)…`,
      );
      app = await startDemoConsole({ dir, enhancedConnections: settings.listSize });
    } catch (err) {
      consoleProblem = `the demo console did not start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`;
    }
  }
  try {
    if (only.has('bundle')) done(await runBundle(settings));
    else notRun('bundle', '5. Bundle');
    for (const [name, id, title, run] of [
      ['lists', 'large-lists', '3. Large lists', runLargeLists],
      ['editor', 'host-editor', '4. Host editor', runHostEditor],
    ] as const) {
      if (!only.has(name)) notRun(id, title);
      else if (!app)
        done(
          new SectionBuilder(id, title)
            .skip(consoleProblem ?? 'the demo console is not running')
            .build(),
        );
      else done(await run(settings, app));
    }
  } finally {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  sections.sort((a, b) => a.title.localeCompare(b.title, 'en', { numeric: true }));
  const report = renderReport({
    date: started,
    machine,
    command: `pnpm bench${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`,
    settings: describeSettings(settings),
    sections,
  });
  // Only a full run becomes the dated report and latest.md; a subset gets a file of its own.
  const resultsDir = join(BENCH_DIR, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const full = only.size === ALL.length;
  const day = started.toISOString().slice(0, 10);
  const file = join(resultsDir, full ? `${day}.md` : `${day}-only-${[...only].join('-')}.md`);
  writeFileSync(file, report);
  if (full) copyFileSync(file, join(resultsDir, 'latest.md'));
  const minutes = (Date.now() - started.getTime()) / 60_000;
  console.log(
    `\nReport: ${relative(REPO_ROOT, file)}${full ? ' (and bench/results/latest.md)' : ''}, ${minutes.toFixed(1)} min`,
  );
  const failed = sections.filter((s) => s.status === 'failed');
  if (failed.length > 0) {
    console.error(`failed: ${failed.map((s) => s.title).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
