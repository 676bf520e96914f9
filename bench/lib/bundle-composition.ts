/**
 * Which modules the minified bytes of a built file come from, read from its source map: each
 * mapped segment runs to the next one on the same line. Packages are grouped by name, app files
 * keep their path under src/ (or packages/<name>/src/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

export function moduleLabel(source: string): string {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (pkg) return pkg[1]!;
  const workspace = /(?:^|\/)packages\/([^/]+)\/(src\/.+)$/.exec(source);
  if (workspace) return `@dsc/${workspace[1]}: ${workspace[2]}`;
  const app = /(?:^|\/)(src\/.+)$/.exec(source);
  return app ? app[1]! : source;
}

/** Minified bytes per module label for one JS file (needs `<file>.map`); undefined without a map. */
export function composition(jsPath: string): Map<string, number> | undefined {
  const mapPath = `${jsPath}.map`;
  if (!existsSync(mapPath)) return undefined;
  const code = readFileSync(jsPath, 'utf8').split('\n');
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapPath, 'utf8')) as RawSourceMap);
  const segments: Array<{ line: number; column: number; source: string | null }> = [];
  consumer.eachMapping(
    (m) => segments.push({ line: m.generatedLine, column: m.generatedColumn, source: m.source }),
    undefined,
    SourceMapConsumer.GENERATED_ORDER,
  );
  const bytes = new Map<string, number>();
  const add = (label: string, n: number) => bytes.set(label, (bytes.get(label) ?? 0) + n);
  segments.forEach((seg, i) => {
    const next = segments[i + 1];
    const lineText = code[seg.line - 1] ?? '';
    const end = next && next.line === seg.line ? next.column : lineText.length;
    add(
      seg.source ? moduleLabel(seg.source) : '(unmapped)',
      Buffer.byteLength(lineText.slice(seg.column, end)),
    );
  });
  return bytes;
}
