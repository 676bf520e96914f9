import { describe, expect, it } from 'vitest';
import { groupShares, ownerOf, summariseProfile, type CpuProfile } from './cpu-profile.ts';

const frame = (functionName: string, url = '') => ({ functionName, url });

describe('ownerOf', () => {
  it('names the package or the app file a frame belongs to', () => {
    expect(
      ownerOf(
        frame('x', 'file:///r/node_modules/.pnpm/pino@10.4.0/node_modules/pino/lib/proto.js'),
      ),
    ).toBe('pino');
    expect(
      ownerOf(
        frame(
          'x',
          'file:///r/node_modules/.pnpm/@pinojs+redact@0.4.0/node_modules/@pinojs/redact/index.js',
        ),
      ),
    ).toBe('@pinojs/redact');
    expect(ownerOf(frame('x', 'file:///r/apps/bff/src/proxy/signing-proxy.ts'))).toBe(
      'bff: proxy/signing-proxy.ts',
    );
    expect(ownerOf(frame('x', 'file:///r/packages/signer/src/sign.ts'))).toBe('signer: sign.ts');
    expect(ownerOf(frame('writev', 'node:internal/stream_base_commons'))).toBe(
      'node stream_base_commons',
    );
    expect(ownerOf(frame('end', 'node:_http_outgoing'))).toBe('node _http_outgoing');
    expect(ownerOf(frame('writev'))).toBeUndefined();
  });
});

describe('summariseProfile', () => {
  it('charges native leaves to the innermost frame with a source and leaves idle out', () => {
    const p: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 5, 6, 7] },
        {
          id: 2,
          callFrame: frame('log', 'file:///r/node_modules/pino/lib/proto.js'),
          children: [3],
        },
        { id: 3, callFrame: frame('write', 'node:internal/fs/utils'), children: [4] },
        { id: 4, callFrame: frame('writev') },
        { id: 5, callFrame: frame('(idle)') },
        { id: 6, callFrame: frame('(garbage collector)') },
        { id: 7, callFrame: frame('hash') },
      ],
      samples: [4, 4, 2, 5, 5, 5, 6, 7],
      timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
    };
    const { busyMs, shares } = summariseProfile(p);
    expect(busyMs).toBe(5);
    expect(shares).toEqual([
      { owner: 'node fs/utils', ms: 2, share: 0.4 },
      { owner: 'pino', ms: 1, share: 0.2 },
      { owner: 'garbage collector', ms: 1, share: 0.2 },
      { owner: 'native (no JavaScript caller)', ms: 1, share: 0.2 },
    ]);
  });
});

describe('groupShares', () => {
  it('adds the shares up by kind of module', () => {
    expect(
      groupShares([
        { owner: 'node _http_server', ms: 3, share: 0.3 },
        { owner: 'express', ms: 2, share: 0.2 },
        { owner: 'bff: server.ts', ms: 2, share: 0.2 },
        { owner: 'node net', ms: 2, share: 0.2 },
        { owner: 'garbage collector', ms: 1, share: 0.1 },
      ]).map((g) => [g.kind, Math.round(g.share * 10) / 10]),
    ).toEqual([
      ['Node core', 0.5],
      ['npm packages', 0.2],
      ['workspace source', 0.2],
      ['garbage collector', 0.1],
    ]);
  });
});
