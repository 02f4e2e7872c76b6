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
  const order: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(score[i]!)) order.push(i);
  order.sort((a, b) => score[b]! - score[a]! || memberId[a]! - memberId[b]!);
  const core = Math.ceil((n * opts.corePercent) / 100);
  const potential = Math.ceil((n * (opts.corePercent + opts.potentialPercent)) / 100);
  const out: CommunicationTier[] = new Array(n).fill('mass');
  order.forEach((i, rank) => {
    if (rank < core) out[i] = 'core';
    else if (rank < potential) out[i] = 'potential';
  });
  return out;
}
