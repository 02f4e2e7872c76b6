/**
 * Reads a requirement's value and bound for a member on a local day, and decides whether it is met (for promotion)
 * or kept (against demotion, with the hysteresis share).
 */
import { communitySig, counterSig } from './counters.ts';
import { requirementId, type LevelRequirement } from './ladder.ts';
import { windowDaysActive, windowSum, type CommunityState, type MemberLevelState } from './member-state.ts';

export interface Measure {
  requirement: string;
  value: number;
  /** The bound: at least this (`min`), or at most this (`max`). */
  needed: number;
  bound: 'min' | 'max';
}

export interface MeasureInput {
  state: MemberLevelState;
  community: CommunityState | undefined;
  balance: number;
  /** The local day the windows end on (inclusive). */
  asOf: number;
}

// Shares like 0.9 × 20 are not exact in binary; a value on the boundary must count as on it.
const EPS = 1e-9;

export function measure(r: LevelRequirement, m: MeasureInput): Measure {
  const requirement = requirementId(r);
  if (r.kind === 'points') return { requirement, value: m.balance, needed: r.min, bound: 'min' };
  const sig = counterSig(r)!;
  const s = m.state;
  switch (r.kind) {
    case 'count': {
      const value = r.windowDays === undefined ? (s.total[sig] ?? 0) : windowSum(s.daily[sig], s.day, m.asOf, r.windowDays);
      if (r.max !== undefined) return { requirement, value, needed: r.max, bound: 'max' };
      if (r.min !== undefined) return { requirement, value, needed: r.min, bound: 'min' };
      const share = r.communityShare!;
      const c = m.community;
      const of = c ? windowSum(c.daily[communitySig(share.of)], c.day, m.asOf, r.windowDays!) : 0;
      // Discourse: round(count × share), then at most the cap.
      const needed = Math.min(Math.round(of * share.share), share.cap ?? Infinity);
      return { requirement, value, needed, bound: 'min' };
    }
    case 'active_days': {
      if (r.windowDays === undefined) return { requirement, value: s.total[sig] ?? 0, needed: r.min!, bound: 'min' };
      const value = windowDaysActive(s.daily[sig], s.day, m.asOf, r.windowDays);
      return { requirement, value, needed: r.min ?? r.share! * r.windowDays, bound: 'min' };
    }
    case 'distinct': {
      const list = s.distinct[sig] ?? [];
      const from = r.windowDays === undefined ? -Infinity : m.asOf - r.windowDays;
      const value = list.filter(([, day]) => day > from && day <= m.asOf).length;
      return r.max !== undefined ? { requirement, value, needed: r.max, bound: 'max' } : { requirement, value, needed: r.min!, bound: 'min' };
    }
  }
}

export const isMet = (x: Measure): boolean => (x.bound === 'min' ? x.value >= x.needed - EPS : x.value <= x.needed + EPS);

/** Kept against demotion: at least `keepShare` of a minimum (a maximum has no slack, as in Discourse). */
export const isKept = (x: Measure, keepShare: number): boolean =>
  x.bound === 'min' ? x.value >= keepShare * x.needed - EPS : x.value <= x.needed + EPS;
