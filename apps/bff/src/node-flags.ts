/**
 * V8 flags every start of the BFF passes to node: the root `start`, apps/bff `start`, the e2e
 * web server and the benchmarks (test/node-flags.test.ts checks the package.json scripts).
 *
 * A floor under the old generation's limit. Every upstream answer is buffered whole, and since
 * V8 counts Buffer memory not yet swept towards that limit, a small heap (the BFF's is about
 * 20 MB) with a few hundred kB of answer per request kept starting full mark-compacts that
 * freed almost nothing: at 200 list requests a second, 238 of them in 20 s and 40 % of the
 * BFF's CPU. With the floor, 3. Why a flag and not code: docs/decisions/009-old-space-floor.md.
 * V8 refuses these in NODE_OPTIONS and ignores them once the heap exists, hence the command lines.
 */
export const BFF_NODE_FLAGS: readonly string[] = ['--initial-old-space-size=128'];
