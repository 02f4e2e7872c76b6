/**
 * RFM scores 1–5 by quintiles. Ties are shared: a member's score is 1 + ⌊5 · (members with a strictly worse value)
 * ÷ (members scored)⌋, so members with the same value always get the same score, and the result does not depend
 * on the order members are read in. With heavy ties (most members bought once) some scores stay empty: that is
 * the data, not a bug — and operators who prefer fixed cut points (e.g. 1, 2, 3–4, 5–9, 10+ purchases) give
 * thresholds instead. Recency is scored the other way round: fewer days since the last purchase is better.
 */
import { tiedScores } from '../../stats/index.ts';
import { rfmSegment, type RfmSegment } from './segments.ts';

export interface RfmInputs {
  memberId: Float64Array;
  /** Days since the last qualifying event. */
  recencyDays: Float64Array;
  /** Qualifying events in the window. */
  frequency: Float64Array;
  /** Sum of the amount property over purchases in the window, in the smallest currency unit. */
  monetary: Float64Array;
}

export interface RfmScores {
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** e.g. "545". */
  code: string[];
  segment: RfmSegment[];
}

/** Four ascending cut points per dimension; a dimension without them is scored by quintiles. */
export interface RfmThresholds {
  /** Days: fewer than the first → 5, …, the last or more → 1. */
  recencyDays?: readonly number[];
  /** Values: below the first → 1, …, the last or more → 5. */
  frequency?: readonly number[];
  monetary?: readonly number[];
}

/** 1 + the number of cut points at or below the value. */
function byThresholds(values: Float64Array, cuts: readonly number[]): Uint8Array {
  return Uint8Array.from(values, (v) => 1 + cuts.filter((c) => c <= v).length);
}

export function scoreRfm(inp: RfmInputs, thresholds: RfmThresholds = {}): RfmScores {
  const n = inp.memberId.length;
  let r: Uint8Array;
  if (thresholds.recencyDays) r = byThresholds(inp.recencyDays, thresholds.recencyDays).map((x) => 6 - x);
  else {
    const negRecency = new Float64Array(n);
    for (let i = 0; i < n; i++) negRecency[i] = -inp.recencyDays[i]!;
    r = tiedScores(negRecency, 5);
  }
  const f = thresholds.frequency ? byThresholds(inp.frequency, thresholds.frequency) : tiedScores(inp.frequency, 5);
  const m = thresholds.monetary ? byThresholds(inp.monetary, thresholds.monetary) : tiedScores(inp.monetary, 5);
  const code: string[] = new Array(n);
  const segment: RfmSegment[] = new Array(n);
  for (let i = 0; i < n; i++) {
    code[i] = `${r[i]}${f[i]}${m[i]}`;
    segment[i] = rfmSegment(r[i]!, f[i]!);
  }
  return { r, f, m, code, segment };
}
