// Types for bundle-graph.mjs (plain JS so that `pnpm --filter web size` needs no TypeScript runner).
export const LIST_PAGE_SRC: string;

export interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface LazyPage {
  key: string;
  src: string;
  area: string;
  files: string[];
}

export function readManifest(distDir: string): Manifest;
export function entryKey(manifest: Manifest): string;
export function staticClosure(manifest: Manifest, keys: Iterable<string>): Set<string>;
export function jsFiles(manifest: Manifest, keys: Iterable<string>): string[];
export function routeChunks(manifest: Manifest): Array<{ key: string; src: string; area: string }>;
export function bundleGroups(manifest: Manifest): {
  entry: string;
  entryFiles: string[];
  listPage: { key: string; src: string; area: string };
  initialFiles: string[];
  eager: string[];
  lazy: LazyPage[];
  allFiles: string[];
};
export function featurePagesIn(distDir: string, files: string[]): string[];
