/**
 * The three-degree model (三度模型): relationship density (how woven into the community a member is), value density
 * (what they are worth) and potential density (where they are heading), each 0–100 from ranked components whose
 * weights are workspace settings. A component with no measurement yet (the emotional bond until sentiment analysis
 * arrives) is absent — left out of the average, never counted as zero.
 */
import type { MemberFeatures } from '../features/member-features.ts';
import type { ScoringSettings } from '../settings.ts';
import { shareBelow, weightedScore } from './ranks.ts';

export interface ThreeDegree {
  relationship: Float64Array;
  value: Float64Array;
  potential: Float64Array;
  /** Each component as a share 0–1 (NaN: absent), in the order of COMPONENTS. */
  components: Record<ComponentName, Float64Array>;
  /** Fitted weekly activity trend (events per week per week) and predicted activity of the next four weeks. */
  slope: Float64Array;
  predicted: Float64Array;
}

export const COMPONENTS = ['interaction', 'content', 'bond', 'ltv', 'arpu', 'breadth', 'trend', 'predicted'] as const;
export type ComponentName = (typeof COMPONENTS)[number];

const DAYS_PER_MONTH = 30.4375;

/**
 * Least-squares line through the weekly counts c₀…c_{K−1} (weeks without events count as 0), from Σc and Σk·c:
 * slope = (Σk·c − k̄·Σc) / Σ(k − k̄)², with k̄ = (K−1)/2 and Σ(k − k̄)² = K(K²−1)/12.
 */
export function weeklyTrend(count: number, weighted: number, weeks: number): { slope: number; intercept: number; nextFour: number } {
  const kbar = (weeks - 1) / 2;
  const skk = (weeks * (weeks * weeks - 1)) / 12;
  const slope = (weighted - kbar * count) / skk;
  const intercept = count / weeks - slope * kbar;
  let nextFour = 0;
  for (let j = weeks; j < weeks + 4; j++) nextFour += Math.max(0, intercept + slope * j);
  return { slope, intercept, nextFour };
}

export function threeDegree(f: MemberFeatures, clv: Float64Array, s: ScoringSettings): ThreeDegree {
  const n = f.n;
  const slope = new Float64Array(n);
  const predicted = new Float64Array(n);
  const engagement = new Float64Array(n);
  const arpu = new Float64Array(n);
  const ltv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = weeklyTrend(f.trendCount[i]!, f.trendWeighted[i]!, s.trendWeeks);
    slope[i] = t.slope;
    predicted[i] = t.nextFour;
    engagement[i] = f.interactions[i]! + f.interactionsReceived[i]!;
    // Revenue per month of membership within the window (at least one month, so a new member is not inflated).
    const months = Math.max(1, Math.min(s.windowDays, f.firstSeenDays[i]!) / DAYS_PER_MONTH);
    arpu[i] = f.revenue[i]! / months;
    ltv[i] = Number.isNaN(clv[i]!) ? 0 : clv[i]!;
  }
  const components: Record<ComponentName, Float64Array> = {
    interaction: shareBelow(engagement),
    content: shareBelow(f.contributions),
    bond: new Float64Array(n).fill(NaN),
    ltv: shareBelow(ltv),
    arpu: shareBelow(arpu),
    breadth: shareBelow(f.categories),
    trend: shareBelow(slope),
    predicted: shareBelow(predicted),
  };
  const w = s.weights;
  const rel = [
    { values: components.interaction, weight: w.relationship.interaction },
    { values: components.content, weight: w.relationship.content },
    { values: components.bond, weight: w.relationship.bond },
  ];
  const val = [
    { values: components.ltv, weight: w.value.ltv },
    { values: components.arpu, weight: w.value.arpu },
    { values: components.breadth, weight: w.value.breadth },
  ];
  const pot = [
    { values: components.trend, weight: w.potential.trend },
    { values: components.predicted, weight: w.potential.predicted },
  ];
  const relationship = new Float64Array(n);
  const value = new Float64Array(n);
  const potential = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    relationship[i] = weightedScore(rel, i);
    value[i] = weightedScore(val, i);
    potential[i] = weightedScore(pot, i);
  }
  return { relationship, value, potential, components, slope, predicted };
}
