/**
 * Multi-row statements: how a batch is cut into statements (few distinct sizes, every row exactly once), and that
 * the cut changes nothing that reaches the table, on a real SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bulkInsert, bulkInsertFlat, cachedQuery, openRowStore, paddedInList, placeholderList, withWriteTransaction, type RowStore } from '../../src/store/index.ts';
import { statementSizes } from '../../src/store/bulk.ts';

describe('statementSizes', () => {
  it('cuts whole chunks, then the rest in powers of two', () => {
    expect(statementSizes(437, 500)).toEqual([256, 128, 32, 16, 4, 1]);
    expect(statementSizes(500, 500)).toEqual([500]);
    expect(statementSizes(1201, 500)).toEqual([500, 500, 128, 64, 8, 1]);
    expect(statementSizes(400, 400)).toEqual([400]);
    expect(statementSizes(0, 500)).toEqual([]);
  });

  it('covers every row once, in at most ten statement sizes for chunks of 500', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 600 }), (rows, chunk) => {
        const sizes = statementSizes(rows, chunk);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows);
        for (const s of sizes) {
          expect(s === chunk || (s < chunk && (s & (s - 1)) === 0)).toBe(true);
          if (chunk === 500) seen.add(s);
        }
      }),
    );
    expect(seen.size).toBeLessThanOrEqual(10); // 500 and 256, 128, …, 1
  });
});

describe('paddedInList', () => {
  it('pads to a power of two with the last value', () => {
    expect(paddedInList([3, 1, 2])).toEqual([3, 1, 2, 2]);
    expect(paddedInList(['a'])).toEqual(['a']);
    expect(paddedInList([])).toEqual([]);
    expect(paddedInList([1, 2, 3, 4, 5]).length).toBe(8);
  });
});

describe('bulk inserts on SQLite', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheyun-bulk-'));
  let store: RowStore;
  afterAll(async () => {
    await store?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every row of batches of any size exactly once, and IN reads find them through padded lists', async () => {
    store = await openRowStore({ dialect: 'sqlite', file: path.join(dir, 'rows.sqlite') });
    const st = { name: 'test_kv', table: 'test_kv', columns: ['k', 'v'] };
    await withWriteTransaction(store, async (trx) => {
      await trx.schema.createTable('test_kv').addColumn('k', 'integer', (c) => c.primaryKey()).addColumn('v', 'text').execute();
      let k = 0;
      for (const n of [1, 3, 437, 500, 777]) {
        await bulkInsert(trx, 'sqlite', st, Array.from({ length: n }, () => [++k, `v${k}`]));
        const flat: unknown[] = [];
        for (let i = 0; i < n; i++) flat.push(++k, `v${k}`);
        await bulkInsertFlat(trx, 'sqlite', st, flat, n, 400);
      }
      const all = await trx.selectFrom('test_kv' as never).select(['k' as never, 'v' as never]).orderBy('k' as never).execute();
      expect(all.length).toBe(k);
      expect(all.every((r, i) => (r as { k: number }).k === i + 1 && (r as { v: string }).v === `v${i + 1}`)).toBe(true);
      const ask = paddedInList([5, 17, 999, 3000]);
      const found = await cachedQuery<{ k: number }>(trx, `test_in|${ask.length}`, () => `SELECT k FROM test_kv WHERE k IN (${placeholderList('sqlite', ask.length)}) ORDER BY k`, ask);
      expect(found.map((r) => r.k)).toEqual([5, 17, 999, 3000]);
    });
  });
});
