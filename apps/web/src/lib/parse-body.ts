/** What an answer is checked with: a zod schema, or anything else with the same safeParse. */
export interface BodySchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

export type ParseResult<T> = { success: true; data: T } | { success: false };

/** From this many items on, a list is checked a slice at a time. */
export const LARGE_LIST = 1_000;
/** Main-thread time one slice may take before the event loop gets a turn. */
const SLICE_MS = 8;

/**
 * Validates an answer as `schema.safeParse` would, without one long task for a large list.
 *
 * "All" on the connections page is 20,000 items (25 MB); one safeParse of that is a long task
 * (hundreds of ms to seconds, zod runs jitless under our CSP) during which the page cannot paint
 * or take input. So when the schema is an object without refinements whose member is a plain
 * array (optionally wrapped in optional/default) and the answer holds a large array there, the
 * object is checked with that array emptied, then each item with the array's element schema, in
 * slices of about SLICE_MS with a yield between them. Every item is still fully validated and the
 * result equals the one-shot parse's (parse-body.test.ts checks both); the items' own outputs
 * (defaults, transforms) are kept. Anything else takes the one-shot path. An abort between slices
 * stops the work, so leaving the page does not leave it running.
 */
export async function parseBody<T>(
  schema: BodySchema<T>,
  value: unknown,
  options: { signal?: AbortSignal | undefined; sliceMs?: number } = {},
): Promise<ParseResult<T>> {
  const lists = largeLists(schema, value);
  if (lists.length === 0) return schema.safeParse(value);

  const source = value as Record<string, unknown>;
  const envelope: Record<string, unknown> = { ...source };
  for (const { key } of lists) envelope[key] = [];
  const head = schema.safeParse(envelope);
  if (!head.success) return head;

  const out = head.data as Record<string, unknown>;
  for (const { key, element } of lists) {
    const parsed = await parseItems(element, source[key] as unknown[], options);
    if (!parsed) return { success: false };
    out[key] = parsed;
  }
  return { success: true, data: out as T };
}

async function parseItems(
  element: BodySchema<unknown>,
  items: readonly unknown[],
  { signal, sliceMs = SLICE_MS }: { signal?: AbortSignal | undefined; sliceMs?: number },
): Promise<unknown[] | undefined> {
  const out = new Array<unknown>(items.length);
  let sliceStart = performance.now();
  for (let i = 0; i < items.length; i++) {
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
    const r = element.safeParse(items[i]);
    if (!r.success) return undefined;
    out[i] = r.data;
  }
  return out;
}

// ---- the schema's shape, read through zod 4's public `def` (type, shape, element, innerType, checks)

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  checks?: readonly unknown[];
}

function defOf(s: unknown): SchemaDef | undefined {
  const def = (s as { def?: unknown } | null | undefined)?.def;
  return typeof def === 'object' && def !== null ? (def as SchemaDef) : undefined;
}

/** Wrappers that pass an array through unchanged when one is present. */
const TRANSPARENT = new Set(['optional', 'default', 'nullable']);

function arrayElement(member: unknown): BodySchema<unknown> | undefined {
  let def = defOf(member);
  while (def?.type && TRANSPARENT.has(def.type)) def = defOf(def.innerType);
  if (def?.type !== 'array' || (def.checks?.length ?? 0) > 0) return undefined;
  const element = def.element as BodySchema<unknown> | undefined;
  return typeof element?.safeParse === 'function' ? element : undefined;
}

function largeLists(
  schema: unknown,
  value: unknown,
): { key: string; element: BodySchema<unknown> }[] {
  const def = defOf(schema);
  if (def?.type !== 'object' || !def.shape || (def.checks?.length ?? 0) > 0) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const found: { key: string; element: BodySchema<unknown> }[] = [];
  for (const [key, member] of Object.entries(def.shape)) {
    const items = (value as Record<string, unknown>)[key];
    if (!Array.isArray(items) || items.length < LARGE_LIST) continue;
    const element = arrayElement(member);
    if (element) found.push({ key, element });
  }
  return found;
}

/** A macrotask turn (rendering and input run), without setTimeout's 4 ms clamp when available. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
