/**
 * Communication tiers (分层沟通矩阵): core (top few percent, 1:1 outreach), potential (the next band, workshops) and
 * mass (everyone else, automated recommendations), cut at fixed percentiles of one score. Percentile cuts, never
 * clustering: k-means on a one-dimensional score moves its boundaries every run and members flip tiers for nothing.
 */
export const COMMUNICATION_TIERS = ['core', 'potential', 'mass'] as const;
export type CommunicationTier = (typeof COMMUNICATION_TIERS)[number];

/**
 * Members ranked by score (highest first; equal scores by member id, so the cut is reproducible); the first
 * ⌈n·core%⌉ are core, up to ⌈n·(core% + potential%)⌉ potential. Members without a score are mass.
 */
export function communicationTiers(
  score: Float64Array,
  memberId: Float64Array,
  opts: { corePercent: number; potentialPercent: number },
): CommunicationTier[] {
  const n = score.length;
  const core = Math.ceil((n * opts.corePercent) / 100);
  const potential = Math.ceil((n * (opts.corePercent + opts.potentialPercent)) / 100);
  const out: CommunicationTier[] = new Array(n).fill('mass');
  // Only the top `potential` members need an order: a numeric sort of the scores finds the cut value, and only the
  // members at or above it are ranked with the member-id tie-break (a comparator sort of everyone took ~1 s at 1 M).
  const sorted = Float64Array.from(score).sort(); // NaN last
  let scored = n;
  while (scored > 0 && Number.isNaN(sorted[scored - 1]!)) scored--;
  const take = Math.min(potential, scored);
  if (take === 0) return out;
  const cut = sorted[scored - take]!;
  const top: number[] = [];
  for (let i = 0; i < n; i++) if (score[i]! >= cut) top.push(i);
  top.sort((a, b) => score[b]! - score[a]! || memberId[a]! - memberId[b]!);
  for (let rank = 0; rank < take; rank++) out[top[rank]!] = rank < core ? 'core' : 'potential';
  return out;
}
