/** `sheyun clv fit` on the CDNOW files: the published parameters from a summary file and from raw transactions. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/stores.ts';
import { CDNOW } from './cdnow.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);
const root = tempDir('sheyun-clv-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const sheyun = (...args: string[]) => exec(process.execPath, ['bin/sheyun.mjs', 'clv', 'fit', ...args], { cwd: repoRoot });
const fails = async (...args: string[]) => (await sheyun(...args).catch((e: unknown) => e)) as { code: number; stderr: string };

/** CDNOW_sample.txt as a CSV an operator would export: one row per transaction. */
function transactionsCsv(): string {
  const lines = fs.readFileSync(path.join(CDNOW, 'CDNOW_sample.txt'), 'utf8').trim().split(/\r?\n/);
  const rows = lines.map((l) => {
    const [, id, date, , dollars] = l.trim().split(/\s+/);
    return `c${Number(id)},${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6)},${dollars}`;
  });
  const file = path.join(root, 'transactions.csv');
  fs.writeFileSync(file, ['customer,order_date,value', ...rows].join('\n'));
  return file;
}

const near = (v: unknown, expected: number, tol: number) => expect(Math.abs((v as number) - expected)).toBeLessThanOrEqual(tol);

describe('sheyun clv fit', () => {
  it('fits BG/NBD and Gamma-Gamma from the CDNOW summary with spend', async () => {
    const { stdout } = await sheyun('--summary', path.join(CDNOW, 'cdnow_customers_summary_with_transactions.csv'));
    const out = JSON.parse(stdout) as Record<string, number>;
    near(out['r'], 0.243, 0.001);
    near(out['alpha'], 4.414, 0.001);
    near(out['a'], 0.793, 0.001);
    near(out['b'], 2.426, 0.001);
    near(out['ll'], -9582.4, 0.1);
    near(out['p'], 6.25, 0.01);
    near(out['q'], 3.74, 0.01);
    near(out['gamma'], 15.44, 0.01);
    expect(out['spendCustomers']).toBe(946);
  });

  it('fits BG/NBD alone from the frequency,recency,T summary', async () => {
    const out = JSON.parse((await sheyun('--summary', path.join(CDNOW, 'cdnow_customers_summary.csv'))).stdout) as Record<string, unknown>;
    near(out['r'], 0.243, 0.001);
    expect(out['p']).toBeUndefined();
  });

  it('builds the summary from raw transactions and gets the same parameters, with the holdout check', async () => {
    const file = transactionsCsv();
    const { stdout } = await sheyun('--transactions', file, '--customer', 'customer', '--date', 'order_date', '--amount', 'value', '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30');
    const out = JSON.parse(stdout) as Record<string, unknown> & { holdout: { length: number; byFrequency: { customers: number }[] } };
    near(out['r'], 0.243, 0.001);
    near(out['alpha'], 4.414, 0.001);
    near(out['a'], 0.793, 0.001);
    near(out['b'], 2.426, 0.001);
    near(out['ll'], -9582.4, 0.1);
    expect(out['customers']).toBe(2357);
    expect(out.holdout.length).toBe(39);
    expect(out.holdout.byFrequency.reduce((s, g) => s + g.customers, 0)).toBe(2357);
  });

  it('names the problem: a missing column, a bad line, a missing flag', async () => {
    const noT = path.join(root, 'no-t.csv');
    fs.writeFileSync(noT, 'frequency,recency\n1,2\n');
    expect((await fails('--summary', noT)).stderr).toMatch(/no column "T"/);
    const bad = path.join(root, 'bad.csv');
    fs.writeFileSync(bad, 'frequency,recency,T\n1,2,10\n2,abc,10\n');
    const e = await fails('--summary', bad);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/bad\.csv line 3: recency must be a number \(got "abc"\)/);
    const late = path.join(root, 'late.csv');
    fs.writeFileSync(late, 'frequency,recency,T\n1,2,10\n1,12,10\n');
    expect((await fails('--summary', late)).stderr).toMatch(/late\.csv line 3: recency must be between 0 and T/);
    expect((await fails('--transactions', transactionsCsv(), '--customer', 'customer', '--date', 'order_date')).stderr).toMatch(/--calibration-end/);
  });
});
