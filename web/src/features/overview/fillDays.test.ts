/** fillDays: zero-fills gaps, keeps the window length, follows the server when its day is later. */
import { describe, expect, it } from 'vitest';
import { fillDays } from './fillDays.ts';

describe('fillDays', () => {
  it('zero-fills a sparse series into a window ending today', () => {
    const out = fillDays([{ day: '2026-02-27', count: 3 }, { day: '2026-03-01', count: 5 }], 4, '2026-03-01');
    expect(out).toEqual([
      { day: '2026-02-26', count: 0 },
      { day: '2026-02-27', count: 3 },
      { day: '2026-02-28', count: 0 },
      { day: '2026-03-01', count: 5 },
    ]);
  });

  it('drops days before the window and handles an empty series', () => {
    expect(fillDays([{ day: '2020-01-01', count: 9 }], 2, '2026-01-01')).toEqual([
      { day: '2025-12-31', count: 0 },
      { day: '2026-01-01', count: 0 },
    ]);
    expect(fillDays([], 30, '2026-01-31')).toHaveLength(30);
  });

  it('ends at the server’s last day when it is ahead of the browser', () => {
    const out = fillDays([{ day: '2026-01-02', count: 1 }], 2, '2026-01-01');
    expect(out.map((p) => p.day)).toEqual(['2026-01-01', '2026-01-02']);
  });
});
