/** DistinctTriples numbers triples exactly as a Map keyed by `${a}|${b}|${c}` would. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctTriples } from '../../src/stats/index.ts';

type Triple = [number, number, number];

/** The string-keyed reference: ids by first appearance, the first appearance's values, counts. */
function reference(rows: readonly Triple[]) {
  const index = new Map<string, number>();
  const first: Triple[] = [];
  const count: number[] = [];
  const ids = rows.map((t) => {
    const key = t.join('|');
    let id = index.get(key);
    if (id === undefined) {
      id = first.length;
      index.set(key, id);
      first.push(t);
      count.push(0);
    }
    count[id]!++;
    return id;
  });
  return { ids, first, count };
}

function check(rows: readonly Triple[]): void {
  const d = new DistinctTriples();
  const ids = rows.map(([a, b, c]) => d.add(a, b, c));
  const ref = reference(rows);
  expect(ids).toEqual(ref.ids);
  expect(d.size).toBe(ref.first.length);
  const { a, b, c, count } = d.columns();
  ref.first.forEach(([x, y, z], j) => {
    // Object.is: the stored value is the first appearance's, −0 included
    expect(Object.is(a[j], x) && Object.is(b[j], y) && Object.is(c[j], z), `${j}`).toBe(true);
  });
  expect([...count]).toEqual(ref.count);
}

describe('DistinctTriples', () => {
  it('matches −0 with 0 and NaN with NaN, and keeps the first appearance', () => {
    check([
      [-0, 1, NaN],
      [0, 1, NaN],
      [0, 1, 2],
      [Infinity, -Infinity, 0],
      [Infinity, -Infinity, -0],
    ]);
  });

  it('agrees with string keys on random rows from small pools', () => {
    const v = fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1, 2, 1 / 7, 5e-324, 1e308);
    fc.assert(
      fc.property(fc.array(fc.tuple(v, v, v), { maxLength: 300 }), (rows) => {
        check(rows);
      }),
    );
  });

  it('agrees with string keys as the table grows past thousands of histories', () => {
    let s = 3;
    const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
    const rows = Array.from({ length: 20_000 }, (): Triple => {
      const x = Math.floor(rand() * 30);
      const T = Math.floor(rand() * 365) / 7;
      return [x, x === 0 ? 0 : Math.floor(rand() * T * 7) / 7, T];
    });
    check(rows);
  });
});
