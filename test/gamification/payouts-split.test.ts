/**
 * Revenue share on hand-computed cases and apportionment examples from the literature (largest remainder = Hamilton
 * method), thresholds, validation and the CSV report.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/index.ts';
import { largestRemainder, payoutReportCsv, splitRevenue } from '../../src/gamification/payouts/index.ts';

const pool = (amount: number, currency = 'CNY') => ({ amount, currency });
const shares = (...points: number[]) => points.map((p, i) => ({ memberId: i + 1, points: p }));
const amounts = (amount: number, ...points: number[]) => splitRevenue({ pool: pool(amount), shares: shares(...points) }).rows.sort((a, b) => a.memberId - b.memberId).map((r) => r.amount);

describe('splitRevenue: hand-computed', () => {
  it('splits 100 among three equal shares as 34/33/33, the unit to the lowest member id', () => {
    const r = splitRevenue({ pool: pool(100), shares: [{ memberId: 9, points: 5 }, { memberId: 4, points: 5 }, { memberId: 7, points: 5 }] });
    expect(r.rows.map((x) => [x.memberId, x.amount])).toEqual([[4, 34], [7, 33], [9, 33]]);
    expect(r.rows[0]!.share).toEqual({ numerator: '1', denominator: '3', decimal: '0.3333333333' });
    expect(r.totalPoints).toBe('15');
    expect(r.undistributed).toBe(0);
  });

  it('gives equal remainders to more points first', () => {
    // Quotas 10 × 3/6 = 5 exactly for member 1; members 2 and 3: 10 × 2/6 = 3.33 and 10 × 1/6 = 1.67 → 3 and 2.
    expect(amounts(10, 3, 2, 1)).toEqual([5, 3, 2]);
    // 7 among 2, 1, 1, 2 (total 6): quotas 2.33, 1.17, 1.17, 2.33 → floors 2, 1, 1, 2 = 6; the last unit: remainders
    // 2/6, 1/6, 1/6, 2/6 — members 1 and 4 tie on remainder and points; member 1 has the lower id.
    expect(amounts(7, 2, 1, 1, 2)).toEqual([3, 1, 1, 2]);
  });

  it('shows the Alabama paradox: populations 6, 6, 2 get 4, 4, 2 of 10 seats but 5, 5, 1 of 11', () => {
    // Wikipedia, "Apportionment paradox" (Alabama paradox): the small state loses a seat when the house grows.
    expect(amounts(10, 6, 6, 2)).toEqual([4, 4, 2]);
    expect(amounts(11, 6, 6, 2)).toEqual([5, 5, 1]);
  });

  it('reproduces the 323 → 324 seat example (5670, 3850, 420, 60)', () => {
    // electowiki.org "Alabama paradox": C falls from 14 to 13 seats.
    expect(amounts(323, 5670, 3850, 420, 60)).toEqual([183, 124, 14, 2]);
    expect(amounts(324, 5670, 3850, 420, 60)).toEqual([184, 125, 13, 2]);
  });

  it('reproduces the five-party example of For All Practical Purposes (house sizes 89, 90, 91)', () => {
    // COMAP, For All Practical Purposes (10th ed.), ch. 14, exercise 15: the fifth party loses a seat from 89 to 90.
    const votes = [5_576_330, 1_387_342, 3_334_241, 7_512_860, 310_968];
    expect(amounts(89, ...votes)).toEqual([27, 7, 16, 37, 2]);
    expect(amounts(90, ...votes)).toEqual([28, 7, 17, 37, 1]);
    expect(amounts(91, ...votes)).toEqual([28, 7, 17, 38, 1]);
  });

  it('reproduces the Hare-quota example of the largest remainder method (10 seats)', () => {
    // Wikipedia, "Largest remainder method": 47,000 / 16,000 / 15,800 / 12,000 / 6,100 / 3,100 votes → 5, 2, 1, 1, 1, 0.
    expect(amounts(10, 47_000, 16_000, 15_800, 12_000, 6_100, 3_100)).toEqual([5, 2, 1, 1, 1, 0]);
  });

  it('orders remainders exactly where floating point would not (pool near 1e12, points near 1e9)', () => {
    // Found by comparing with a double-precision implementation, which gives the unit to the second member instead:
    // in doubles both fractional parts are 0.36444091796875; exactly they are 575162450 and 575181495 / 1578236075.
    const points = [308_163_885, 893_820_075, 376_252_115];
    const fractions = points.map((p) => ((948_513_081_088 * p) / 1_578_236_075) % 1);
    expect(fractions[1]).toBe(fractions[2]);
    const exact = largestRemainder(948_513_081_088n, points.map(BigInt), (i, j) => i - j);
    expect(exact.remainders).toEqual([427_892_130n, 575_162_450n, 575_181_495n]);
    expect(amounts(948_513_081_088, ...points)).toEqual([185_205_167_130, 537_182_013_962, 226_125_899_996]);
  });

  it('pays a zero pool as zeros and a single member the whole pool', () => {
    expect(amounts(0, 5, 3)).toEqual([0, 0]);
    expect(amounts(1_000_000_000_000, 1)).toEqual([1_000_000_000_000]);
  });
});

describe('splitRevenue: thresholds', () => {
  it('excludes members with no points and below minPoints before splitting', () => {
    const r = splitRevenue({ pool: pool(1000), shares: shares(0, 50, 9, -3, 10), minPoints: 10 });
    expect(r.rows.map((x) => [x.memberId, x.amount])).toEqual([[2, 833], [5, 167]]);
    expect(r.excluded).toEqual([
      { memberId: 3, points: 9, reason: 'below_min_points' },
      { memberId: 1, points: 0, reason: 'no_points' },
      { memberId: 4, points: -3, reason: 'no_points' },
    ]);
  });

  it('re-splits after dropping shares below minPayout, smallest first, to a fixed point', () => {
    // Pool 1000, points 60, 25, 8, 7 (total 100), minPayout 80. Round 1: 7 → 70 < 80, drop. Total 93: 8 → 86.02, kept.
    // Dropping everyone below 80 at once (7 and 8) would have excluded member 3 too.
    const r = splitRevenue({ pool: pool(1000), shares: shares(60, 25, 8, 7), minPayout: 80 });
    expect(r.excluded).toEqual([{ memberId: 4, points: 7, reason: 'below_min_payout' }]);
    // 1000 × 60/93 = 645.16, × 25/93 = 268.82, × 8/93 = 86.02 → 645, 268, 86 = 999; the unit to 268.82.
    expect(r.rows.map((x) => x.amount)).toEqual([645, 269, 86]);
  });

  it('drops tied members together and keeps iterating', () => {
    // Pool 100, points 50, 10, 10, 5, 5 (total 80), minPayout 15: 5s get 6.25 → both out; total 70: 10s get 14.29 →
    // both out; total 50: 100.
    const r = splitRevenue({ pool: pool(100), shares: shares(50, 10, 10, 5, 5), minPayout: 15 });
    expect(r.rows.map((x) => [x.memberId, x.amount])).toEqual([[1, 100]]);
    expect(r.excluded.map((x) => x.memberId)).toEqual([2, 3, 4, 5]);
  });

  it('pays exactly minPayout at the boundary and keeps the money when nobody qualifies', () => {
    expect(splitRevenue({ pool: pool(100), shares: shares(1, 1, 1, 1), minPayout: 25 }).rows.map((x) => x.amount)).toEqual([25, 25, 25, 25]);
    const none = splitRevenue({ pool: pool(100), shares: shares(1, 1, 1, 1), minPayout: 26 });
    expect(none.rows).toEqual([]);
    expect(none.undistributed).toBe(100);
    expect(splitRevenue({ pool: pool(100), shares: [] })).toMatchObject({ rows: [], undistributed: 100, totalPoints: '0' });
  });
});

describe('splitRevenue: input', () => {
  const field = (input: Parameters<typeof splitRevenue>[0]) => {
    try {
      splitRevenue(input);
    } catch (e) {
      if (e instanceof AppError) return e.field;
    }
    return undefined;
  };

  it('rejects what it cannot pay exactly, naming the field', () => {
    expect(field({ pool: pool(10.5), shares: [] })).toBe('pool.amount');
    expect(field({ pool: pool(10, 'yuan'), shares: [] })).toBe('pool.currency');
    expect(field({ pool: pool(10), shares: [{ memberId: 1, points: 1.5 }] })).toBe('shares.0.points');
    expect(field({ pool: pool(10), shares: [{ memberId: 1, points: 1 }, { memberId: 1, points: 2 }] })).toBe('shares.1.memberId');
  });
});

describe('payoutReportCsv', () => {
  const result = splitRevenue({ pool: pool(100), shares: shares(2, 1) });
  const label = (id: number) => (id === 1 ? 'mem_1' : 'mem_"2", the second');

  it('writes a header and one row per member paid, quoting fields that need it', () => {
    const csv = payoutReportCsv(result, { period: '2025-06', currency: 'CNY', memberLabel: label });
    expect(csv).toBe('member_external_id,points,share,amount,currency,period\nmem_1,2,0.6666666667,67,CNY,2025-06\n"mem_""2"", the second",1,0.3333333333,33,CNY,2025-06\n');
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows[1]!['member_external_id']).toBe('mem_"2", the second');
    expect(rows.reduce((a, r) => a + Number(r['amount']), 0)).toBe(100);
  });

  it('refuses to relabel the currency', () => {
    expect(() => payoutReportCsv(result, { period: '2025-06', currency: 'USD', memberLabel: label })).toThrow(/not the pool's currency/);
  });
});
