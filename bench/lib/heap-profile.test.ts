import { describe, expect, it } from 'vitest';
import { summariseHeapProfile } from './heap-profile.ts';

const node = (url: string, selfSize: number, children: unknown[] = []) => ({ callFrame: { functionName: 'f', url }, selfSize, children });

describe('summariseHeapProfile', () => {
  it('charges each allocation to the innermost frame with a source, and adds up all bytes', () => {
    const p = {
      head: node('', 0, [
        node('node:internal/streams/writable', 100, [node('', 50)]),
        node('file:///x/node_modules/.pnpm/pino@9/node_modules/pino/lib/tools.js', 30, [node('node:buffer', 20)]),
        node('', 7),
      ]),
    };
    const s = summariseHeapProfile(p as never);
    expect(s.bytes).toBe(207);
    expect(s.owners).toEqual([
      { owner: 'node streams/writable', bytes: 150 },
      { owner: 'pino', bytes: 30 },
      { owner: 'node buffer', bytes: 20 },
      { owner: 'V8 / native (no JS caller)', bytes: 7 },
    ]);
  });
});
