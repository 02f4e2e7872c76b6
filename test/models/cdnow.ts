/** Reads the CDNOW files of ../shared/data (Fader, Hardie & Lee 2005) for the model tests. */
import fs from 'node:fs';
import path from 'node:path';
import type { CustomerSummary, Transaction } from '../../src/models/index.ts';

export const CDNOW = path.resolve(import.meta.dirname, '../../../shared/data/cdnow');

function rows(file: string): string[][] {
  return fs.readFileSync(path.join(CDNOW, file), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks). */
export function cdnowSummary(): (CustomerSummary & { id: string })[] {
  return rows('cdnow_customers_summary.csv').map(([id, x, tx, T]) => ({ id: id!, x: Number(x), tx: Number(tx), T: Number(T) }));
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function cdnowSpend(): (CustomerSummary & { id: string; monetary: number })[] {
  return rows('cdnow_customers_summary_with_transactions.csv').map(([id, x, tx, T, z]) => ({ id: id!, x: Number(x), tx: Number(tx), T: Number(T), monetary: Number(z) }));
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars; the summaries' ID is the sample id. */
export function cdnowTransactions(): Transaction[] {
  return fs
    .readFileSync(path.join(CDNOW, 'CDNOW_sample.txt'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => {
      const [, sample, date, , dollars] = l.trim().split(/\s+/);
      return { customer: String(Number(sample)), time: Date.UTC(Number(date!.slice(0, 4)), Number(date!.slice(4, 6)) - 1, Number(date!.slice(6, 8))), amount: Number(dollars) };
    });
}
