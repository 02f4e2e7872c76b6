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
  // No full ranking is needed: a numeric sort of the scores gives each tier's cut value; everyone above a cut is in,
  // and the places left go to the members tied at the cut, lowest member id first. (A comparator sort of the top
  // 30 % took a quarter of a second at 1 M members.)
  const sorted = Float64Array.from(score).sort(); // NaN last
  let scored = n;
  while (scored > 0 && Number.isNaN(sorted[scored - 1]!)) scored--;
  const take = Math.min(potential, scored);
  if (take === 0) return out;
  const byId = idOrder(memberId);
  const coreTake = Math.min(core, take);
  if (coreTake > 0) fillTo(out, score, byId, sorted[scored - coreTake]!, coreTake, 'core');
  if (take > coreTake) fillTo(out, score, byId, sorted[scored - take]!, take - coreTake, 'potential');
  return out;
}

/** Gives `tier` to `count` members still in mass: all with a score above `cut`, then those at `cut` by member id. */
function fillTo(out: CommunicationTier[], score: Float64Array, byId: ArrayLike<number>, cut: number, count: number, tier: CommunicationTier): void {
  let left = count;
  for (let i = 0; i < score.length; i++) {
    if (score[i]! > cut && out[i] === 'mass') {
      out[i] = tier;
      left--;
    }
  }
  for (let k = 0; k < byId.length && left > 0; k++) {
    const i = byId[k]!;
    if (score[i] === cut && out[i] === 'mass') {
      out[i] = tier;
      left--;
    }
  }
}

/** Positions in ascending member id: the identity when ids already ascend (a scoring run's columns do). */
function idOrder(memberId: Float64Array): ArrayLike<number> {
  let ascending = true;
  for (let i = 1; i < memberId.length && ascending; i++) if (memberId[i]! < memberId[i - 1]!) ascending = false;
  const order = new Int32Array(memberId.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!ascending) order.sort((a, b) => memberId[a]! - memberId[b]!);
  return order;
}
