/**
 * Properties of the revenue split over random pools (up to 1e12 units) and points (up to 1e9): money is conserved,
 * each amount is its exact quota rounded down or up, the units above the floor go to the largest remainders with the
 * documented tie-break, amounts rise with points, thresholds hold at their fixed point, input order does not matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitRevenue, type RevenueSplit } from '../../src/gamification/payouts/index.ts';

const shareArb = fc.uniqueArray(fc.record({ memberId: fc.integer({ min: 1, max: 10_000 }), points: fc.integer({ min: 0, max: 1_000_000_000 }) }), {
  selector: (s) => s.memberId,
  maxLength: 40,
});
// Small points too, so ties and equal remainders are common.
const smallShareArb = fc.uniqueArray(fc.record({ memberId: fc.integer({ min: 1, max: 50 }), points: fc.integer({ min: 0, max: 6 }) }), {
  selector: (s) => s.memberId,
  maxLength: 12,
});
const poolArb = fc.oneof(fc.integer({ min: 0, max: 1_000_000_000_000 }), fc.integer({ min: 0, max: 100 }));
const inputArb = fc.record({
  amount: poolArb,
  shares: fc.oneof(shareArb, smallShareArb),
  minPoints: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  minPayout: fc.option(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 100_000_000_000 })), { nil: undefined }),
});

type Input = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;
const split = (x: Input): RevenueSplit =>
  splitRevenue({ pool: { amount: x.amount, currency: 'CNY' }, shares: x.shares, ...(x.minPoints === undefined ? {} : { minPoints: x.minPoints }), ...(x.minPayout === undefined ? {} : { minPayout: x.minPayout }) });

const runs = { numRuns: 500 };

describe('splitRevenue properties', () => {
  it('conserves money: Σ amounts + undistributed = pool, and nothing is negative', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const r = split(x);
        expect(r.rows.reduce((a, row) => a + row.amount, 0) + r.undistributed).toBe(x.amount);
        expect(r.undistributed === 0 || r.rows.length === 0).toBe(true);
        for (const row of r.rows) expect(row.amount).toBeGreaterThanOrEqual(0);
        expect(r.rows.length + r.excluded.length).toBe(x.shares.length);
      }),
      runs,
    );
  });

  it('pays each member the floor or the ceiling of the exact quota, the extra units by largest remainder', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const r = split(x);
        const total = r.rows.reduce((a, row) => a + BigInt(row.points), 0n);
        expect(r.totalPoints).toBe(total.toString());
        const pool = BigInt(x.amount);
        const info = r.rows.map((row) => {
          const floor = (pool * BigInt(row.points)) / total;
          const rem = (pool * BigInt(row.points)) % total;
          const extra = BigInt(row.amount) - floor;
          expect(extra === 0n || (extra === 1n && rem > 0n)).toBe(true);
          return { ...row, rem, extra };
        });
        // Anyone who got a unit above the floor comes before anyone who did not: larger remainder, then more points,
        // then lower member id.
        for (const a of info.filter((i) => i.extra === 1n))
          for (const b of info.filter((i) => i.extra === 0n)) {
            const first = a.rem > b.rem || (a.rem === b.rem && (a.points > b.points || (a.points === b.points && a.memberId < b.memberId)));
            expect(first).toBe(true);
          }
      }),
      runs,
    );
  });

  it('is monotone in points within a split', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const rows = split(x).rows;
        for (const a of rows)
          for (const b of rows) {
            if (a.points > b.points) expect(a.amount).toBeGreaterThanOrEqual(b.amount);
            if (a.points === b.points) expect(Math.abs(a.amount - b.amount)).toBeLessThanOrEqual(1);
          }
      }),
      runs,
    );
  });

  it('gives the same result for any order of the input', () => {
    fc.assert(
      fc.property(
        inputArb.chain((x) => fc.tuple(fc.constant(x), fc.shuffledSubarray(x.shares, { minLength: x.shares.length, maxLength: x.shares.length }))),
        ([x, shuffled]) => {
          expect(split({ ...x, shares: shuffled })).toEqual(split(x));
        },
      ),
      runs,
    );
  });

  it('reaches the threshold fixed point: everyone paid gets minPayout, bringing back the next group would not', () => {
    fc.assert(
      fc.property(inputArb, (x) => {
        const r = split(x);
        const min = x.minPayout ?? 0;
        for (const row of r.rows) expect(row.amount).toBeGreaterThanOrEqual(min);
        for (const e of r.excluded) {
          if (e.reason === 'no_points') expect(e.points).toBeLessThanOrEqual(0);
          if (e.reason === 'below_min_points') expect(e.points).toBeLessThan(x.minPoints ?? 0);
        }
        const dropped = r.excluded.filter((e) => e.reason === 'below_min_payout');
        if (dropped.length === 0) return;
        // Members are dropped smallest first, so the largest dropped group was the last: with it back it still fails.
        const top = Math.max(...dropped.map((e) => e.points));
        const group = dropped.filter((e) => e.points === top).length;
        const total = BigInt(r.totalPoints) + BigInt(top) * BigInt(group);
        expect(BigInt(x.amount) * BigInt(top) < BigInt(min) * total).toBe(true);
        for (const row of r.rows) expect(row.points).toBeGreaterThan(top);
      }),
      runs,
    );
  });
});
