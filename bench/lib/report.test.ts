import { describe, expect, it } from 'vitest';
import { renderReport, SectionBuilder, table } from './report.ts';

describe('table', () => {
  it('escapes pipes and aligns the first column left, the rest right', () => {
    expect(table(['a', 'b'], [['x|y', '1']])).toEqual([
      '| a | b |',
      '| --- | ---: |',
      '| x\\|y | 1 |',
    ]);
  });
});

describe('SectionBuilder', () => {
  it('is skipped when nothing was measured and says why', () => {
    const s = new SectionBuilder('x', '9. X').skip('the editor page is not there yet').build();
    expect(s.status).toBe('skipped');
    expect(s.notes).toEqual(['skipped: the editor page is not there yet']);
  });

  it('is partial when some parts were skipped, and failed when it threw', () => {
    const partial = new SectionBuilder('x', 'X')
      .table(['a'], [['1']])
      .skip('no nginx')
      .build();
    expect(partial.status).toBe('partial');
    const failed = new SectionBuilder('x', 'X').build(new Error('boom\nstack'));
    expect(failed.status).toBe('failed');
    expect(failed.notes).toContain('failed: boom');
  });
});

describe('renderReport', () => {
  it('lists every target with its verdict and every section with its status', () => {
    const s = new SectionBuilder('b', '5. Bundle')
      .table(['x'], [['1']])
      .target('initial JS', '≤ 150 kB', '222 kB', false)
      .build();
    const md = renderReport({
      date: new Date('2026-01-02T03:04:05Z'),
      machine: [['CPU', 'test']],
      command: 'pnpm bench',
      settings: [],
      sections: [s],
    });
    expect(md).toContain('# Benchmark report, 2026-01-02 03:04:05 UTC');
    expect(md).toContain('| Bundle | initial JS | ≤ 150 kB | 222 kB | missed |');
    expect(md).toContain('| 5. Bundle | ok |');
    expect(md).toContain('## 5. Bundle');
  });
});
