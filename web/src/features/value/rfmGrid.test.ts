import { describe, expect, it } from 'vitest';
import { fullGrid, segmentAt } from './rfmGrid.ts';

const rules = [
  { segment: 'champions', r: [5, 5] as [number, number], f: [4, 5] as [number, number], why: { en: '', zh: '' } },
  { segment: 'new', r: [5, 5] as [number, number], f: [1, 1] as [number, number], why: { en: '', zh: '' } },
];

describe('RFM grid', () => {
  it('names a cell by the first rule covering it, else lost', () => {
    expect(segmentAt(rules, 5, 4)).toBe('champions');
    expect(segmentAt(rules, 5, 1)).toBe('new');
    expect(segmentAt(rules, 3, 3)).toBe('lost');
  });

  it('fills all 25 cells, keeping the server counts and segments', () => {
    const grid = fullGrid(rules, [{ r: 5, f: 5, members: 3, meanM: 4.5, segment: 'champions' }]);
    expect(grid).toHaveLength(25);
    expect(grid.find((c) => c.r === 5 && c.f === 5)).toEqual({ r: 5, f: 5, members: 3, meanM: 4.5, segment: 'champions' });
    expect(grid.find((c) => c.r === 5 && c.f === 1)).toEqual({ r: 5, f: 1, members: 0, meanM: null, segment: 'new' });
    expect(grid.reduce((s, c) => s + c.members, 0)).toBe(3);
  });
});
