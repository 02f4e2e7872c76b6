/**
 * Creator revenue share: a period's revenue pool split among members in proportion to their points for the period,
 * after minimum thresholds, rounded to the smallest currency unit by largest remainders, so the payouts add up to the
 * pool exactly. Pure and deterministic: the same input in any order gives the same result.
 */
import { AppError, z } from '../../core/index.ts';
import { largestRemainder } from './largest-remainder.ts';

const MAX_UNITS = Number.MAX_SAFE_INTEGER;

export const revenuePool = z.object({
  /** In the smallest currency unit (fen, cents). */
  amount: z.number().int().min(0).max(MAX_UNITS),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY'),
});

export const revenueShareInput = z
  .object({
    pool: revenuePool,
    /** Each member's points for the period under the chosen rule set (the caller reads them from the ledger). */
    shares: z
      .array(z.object({ memberId: z.number().int().min(0).max(MAX_UNITS), points: z.number().int().min(-MAX_UNITS).max(MAX_UNITS) }))
      .max(1_000_000),
    /** Members with fewer points take no part. */
    minPoints: z.number().int().min(0).max(MAX_UNITS).optional(),
    /** Members whose exact share of the pool would be below this (smallest units) take no part; the rest re-split. */
    minPayout: z.number().int().min(0).max(MAX_UNITS).optional(),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<number>();
    input.shares.forEach((s, i) => {
      if (seen.has(s.memberId)) ctx.addIssue({ code: 'custom', path: ['shares', i, 'memberId'], message: `member ${s.memberId} appears twice` });
      seen.add(s.memberId);
    });
  });

export type RevenueShareInput = z.input<typeof revenueShareInput>;
export type RevenuePool = z.infer<typeof revenuePool>;

export interface PayoutRow {
  memberId: number;
  points: number;
  /** The member's exact share of the pool, points / total points paid, reduced; `decimal` rounded to 10 places. */
  share: { numerator: string; denominator: string; decimal: string };
  /** Smallest currency units. */
  amount: number;
}

export type ExclusionReason = 'no_points' | 'below_min_points' | 'below_min_payout';

export interface ExcludedMember {
  memberId: number;
  points: number;
  reason: ExclusionReason;
}

export interface RevenueSplit {
  pool: RevenuePool;
  /** Points of the members paid (a decimal string: the sum may pass 2^53). */
  totalPoints: string;
  /** Most points first, then member id. */
  rows: PayoutRow[];
  excluded: ExcludedMember[];
  /** The pool when nobody qualifies (it is not paid out), else 0: Σ amounts + undistributed = pool, always. */
  undistributed: number;
}

const byPointsThenId = (a: { memberId: number; points: number }, b: { memberId: number; points: number }) => b.points - a.points || a.memberId - b.memberId;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n / d rounded half up to `places` decimals, as a string. */
function decimal(n: bigint, d: bigint, places: number): string {
  const scale = 10n ** BigInt(places);
  const scaled = (n * scale * 2n + d) / (2n * d);
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(places, '0');
  return `${whole}.${frac}`;
}

/**
 * Splits the pool. Members with no points (≤ 0) or below `minPoints` are excluded first. Then, while the member
 * with the fewest points would get less than `minPayout` (exactly: pool × points / total < minPayout), they — and
 * everyone tied with them — are excluded and the pool re-split among the rest: a fixed point where everyone paid
 * gets at least `minPayout`. Removing only the smallest each round (rather than everyone below at once) keeps members
 * who qualify once the smallest are gone. Remaining units go to the largest remainders; equal remainders to more
 * points, then the lower member id.
 */
export function splitRevenue(input: RevenueShareInput): RevenueSplit {
  const parsed = revenueShareInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw new AppError('invalid_request', `${field || 'revenue share'}: ${issue.message}`, { field, cause: parsed.error });
  }
  const { pool, shares, minPoints = 0, minPayout = 0 } = parsed.data;
  const excluded: ExcludedMember[] = [];
  const eligible: { memberId: number; points: number }[] = [];
  for (const s of [...shares].sort(byPointsThenId)) {
    if (s.points <= 0) excluded.push({ ...s, reason: 'no_points' });
    else if (s.points < minPoints) excluded.push({ ...s, reason: 'below_min_points' });
    else eligible.push(s);
  }

  let total = eligible.reduce((a, s) => a + BigInt(s.points), 0n);
  const amount = BigInt(pool.amount);
  const min = BigInt(minPayout);
  // `eligible` is sorted by points descending: the smallest share is at the end, with its ties just before it.
  while (eligible.length > 0 && min > 0n && amount * BigInt(eligible[eligible.length - 1]!.points) < min * total) {
    const smallest = eligible[eligible.length - 1]!.points;
    const dropped: ExcludedMember[] = [];
    while (eligible.length > 0 && eligible[eligible.length - 1]!.points === smallest) {
      const s = eligible.pop()!;
      total -= BigInt(s.points);
      dropped.push({ ...s, reason: 'below_min_payout' });
    }
    excluded.push(...dropped.reverse());
  }

  if (eligible.length === 0) return { pool, totalPoints: '0', rows: [], excluded: sortExcluded(excluded), undistributed: pool.amount };

  const weights = eligible.map((s) => BigInt(s.points));
  // Inputs are sorted by points then id, so index order is the tie order.
  const { parts } = largestRemainder(amount, weights, (i, j) => i - j);
  const rows = eligible.map((s, i): PayoutRow => {
    const g = gcd(weights[i]!, total);
    return {
      memberId: s.memberId,
      points: s.points,
      share: { numerator: (weights[i]! / g).toString(), denominator: (total / g).toString(), decimal: decimal(weights[i]!, total, 10) },
      amount: Number(parts[i]!),
    };
  });
  return { pool, totalPoints: total.toString(), rows, excluded: sortExcluded(excluded), undistributed: 0 };
}

const REASON_ORDER: Record<ExclusionReason, number> = { below_min_payout: 0, below_min_points: 1, no_points: 2 };

function sortExcluded(excluded: ExcludedMember[]): ExcludedMember[] {
  return excluded.sort((a, b) => REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || byPointsThenId(a, b));
}
