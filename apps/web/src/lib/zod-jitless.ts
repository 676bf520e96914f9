// zod probes for eval() on its first object parse, to compile faster parsers; the BFF's CSP
// forbids eval, so the probe would only log a violation. `z.config({ jitless: true })` would
// import zod into the first paint, which must not carry it (issue 7: zod loads with the first
// answer, lib/api-schemas.ts). zod keeps its settings in globalThis.__zod_globalConfig, taking
// an existing object when it loads, so setting the flag there works whichever loads first;
// zod-jitless.test.ts fails if a zod update stops reading it.
const ZOD_CONFIG_KEY = '__zod_globalConfig';

export function makeZodJitless(): void {
  const g = globalThis as Record<string, unknown>;
  const existing = g[ZOD_CONFIG_KEY];
  const config = typeof existing === 'object' && existing !== null ? existing : {};
  g[ZOD_CONFIG_KEY] = Object.assign(config, { jitless: true });
}

makeZodJitless();
