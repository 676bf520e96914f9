import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSection, type Section } from './report.ts';
import { loadSettings, type BenchSettings } from './settings.ts';

/** True when the module at `moduleUrl` is the script node was asked to run. */
export function isMain(moduleUrl: string): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Each benchmark file is also a script: `pnpm exec tsx bench/<name>.ts` prints its section. */
export async function runStandalone(
  run: (settings: BenchSettings) => Promise<Section>,
): Promise<void> {
  const section = await run(loadSettings());
  console.log('\n' + renderSection(section));
  process.exitCode = section.status === 'failed' ? 1 : 0;
}
