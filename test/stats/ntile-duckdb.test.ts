/** ntile agrees with DuckDB's own NTILE(k) OVER (ORDER BY value, tieBreak), NaN and ties included. */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ntile } from '../../src/stats/index.ts';

it('matches DuckDB on random inputs', async () => {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    const cases = fc.sample(
      fc.record({
        values: fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 40 }),
        k: fc.integer({ min: 1, max: 15 }),
      }),
      { numRuns: 60, seed: 20260310 },
    );
    for (const { values, k } of cases) {
      const v = values.map((x) => (Object.is(x, -0) ? 0 : x)); // DuckDB orders −0 before 0, JS compares them equal
      const ids = v.map((_, i) => (i * 37) % 41);
      const rows = v.map((x, i) => `(${i}, CAST('${x}' AS DOUBLE), ${ids[i]})`).join(', ');
      const result = await conn.runAndReadAll(`SELECT i, NTILE(${k}) OVER (ORDER BY v, t) AS s FROM (VALUES ${rows}) AS d(i, v, t) ORDER BY i`);
      const expected = result.getRows().map((r) => Number(r[1]));
      expect([...ntile(v, ids, k)], `k=${k} values=${v.join(',')}`).toEqual(expected);
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
});
