/**
 * Lifecycle tiers: every member is in exactly one, decided by ordered rules over the scores (first match wins).
 * The order matters and is deliberate: silence outranks everything (a churned KOC is churned), a newcomer is judged
 * only after they had time to show a pattern, and warning signs outrank mere dormancy.
 */
import type { ScoringSettings } from '../../models/index.ts';

export const LIFECYCLE_TIERS = ['churned', 'new', 'core_koc', 'churn_warning', 'dormant', 'potential', 'active'] as const;
export type LifecycleTier = (typeof LIFECYCLE_TIERS)[number];

export interface LifecycleInputs {
  firstSeenDays: number;
  lastActiveDays: number;
  relationship: number;
  value: number;
  potential: number;
  /** P(alive) from BG/NBD; NaN for members who never bought. */
  pAlive: number;
  /** Activity trend: the fitted weekly slope and its rank among members (0–1). */
  slope: number;
  trendRank: number;
}

export interface LifecycleRule {
  tier: LifecycleTier;
  /** The rule in words, with the thresholds filled in (shown in the console and the API). */
  describe(s: ScoringSettings['lifecycle']): { en: string; zh: string };
  test(m: LifecycleInputs, s: ScoringSettings['lifecycle']): boolean;
}

const ge = (v: number, t: number) => !Number.isNaN(v) && v >= t;

export const LIFECYCLE_RULES: readonly LifecycleRule[] = [
  {
    tier: 'churned',
    describe: (s) => ({ en: `no activity for ${s.churnedDays} days or more`, zh: `${s.churnedDays} 天及以上没有任何活动` }),
    test: (m, s) => m.lastActiveDays >= s.churnedDays,
  },
  {
    tier: 'new',
    describe: (s) => ({ en: `first seen less than ${s.newDays} days ago`, zh: `首次出现不足 ${s.newDays} 天` }),
    test: (m, s) => m.firstSeenDays < s.newDays,
  },
  {
    tier: 'core_koc',
    describe: (s) => ({
      en: `relationship density ≥ ${s.kocRelationship}, and value or potential density ≥ ${s.kocOther}, active within ${s.dormantDays} days`,
      zh: `关系密度 ≥ ${s.kocRelationship}，且价值或潜力密度 ≥ ${s.kocOther}，${s.dormantDays} 天内有活动`,
    }),
    test: (m, s) => ge(m.relationship, s.kocRelationship) && (ge(m.value, s.kocOther) || ge(m.potential, s.kocOther)) && m.lastActiveDays < s.dormantDays,
  },
  {
    tier: 'churn_warning',
    describe: (s) => ({
      en: `a buyer whose probability of still being a customer (P(alive)) is below ${s.pAliveBelow}, or activity falling (trend rank below ${s.fallingTrend} and a negative slope)`,
      zh: `购买用户仍为活跃客户的概率 P(alive) 低于 ${s.pAliveBelow}，或活跃度下滑（趋势排名低于 ${s.fallingTrend} 且斜率为负）`,
    }),
    test: (m, s) => (!Number.isNaN(m.pAlive) && m.pAlive < s.pAliveBelow) || (m.slope < 0 && m.trendRank * 100 < s.fallingTrend),
  },
  {
    tier: 'dormant',
    describe: (s) => ({ en: `no activity for ${s.dormantDays} days or more`, zh: `${s.dormantDays} 天及以上没有活动` }),
    test: (m, s) => m.lastActiveDays >= s.dormantDays,
  },
  {
    tier: 'potential',
    describe: (s) => ({ en: `potential density ≥ ${s.potential}`, zh: `潜力密度 ≥ ${s.potential}` }),
    test: (m, s) => ge(m.potential, s.potential),
  },
  {
    tier: 'active',
    describe: () => ({ en: 'none of the above: steady members', zh: '以上都不是：稳定活跃的成员' }),
    test: () => true,
  },
];

export function lifecycleTier(m: LifecycleInputs, s: ScoringSettings['lifecycle']): LifecycleTier {
  for (const r of LIFECYCLE_RULES) if (r.test(m, s)) return r.tier;
  return 'active';
}
