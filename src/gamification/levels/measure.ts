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

/**
 * Reads one requirement into `into` and returns it. Built once per requirement (its id and counter signatures are
 * looked up then); placement measures a few requirements per event of a replay and keeps none of them, so it reads
 * them all into one object.
 */
export type Measurer = (m: MeasureInput, into: Measure) => Measure;

const measurers = new WeakMap<LevelRequirement, Measurer>();

export function measure(r: LevelRequirement, m: MeasureInput): Measure {
  return measurerOf(r)(m, { requirement: '', value: 0, needed: 0, bound: 'min' });
}

export function measurerOf(r: LevelRequirement): Measurer {
  let f = measurers.get(r);
  if (f === undefined) measurers.set(r, (f = buildMeasurer(r)));
  return f;
}

function filled(into: Measure, requirement: string, value: number, needed: number, bound: 'min' | 'max'): Measure {
  into.requirement = requirement;
  into.value = value;
  into.needed = needed;
  into.bound = bound;
  return into;
}

function buildMeasurer(r: LevelRequirement): Measurer {
  const requirement = requirementId(r);
  if (r.kind === 'points') {
    const needed = r.min;
    return (m, into) => filled(into, requirement, m.balance, needed, 'min');
  }
  const sig = counterSig(r)!;
  switch (r.kind) {
    case 'count': {
      const days = r.windowDays;
      const value = (m: MeasureInput) => (days === undefined ? (m.state.total[sig] ?? 0) : windowSum(m.state.daily[sig], m.state.day, m.asOf, days));
      if (r.max !== undefined) {
        const needed = r.max;
        return (m, into) => filled(into, requirement, value(m), needed, 'max');
      }
      if (r.min !== undefined) {
        const needed = r.min;
        return (m, into) => filled(into, requirement, value(m), needed, 'min');
      }
      const share = r.communityShare!;
      const ofSig = communitySig(share.of);
      return (m, into) => {
        const c = m.community;
        const of = c ? windowSum(c.daily[ofSig], c.day, m.asOf, days!) : 0;
        // Discourse: round(count × share), then at most the cap.
        const needed = Math.min(Math.round(of * share.share), share.cap ?? Infinity);
        return filled(into, requirement, value(m), needed, 'min');
      };
    }
    case 'active_days': {
      const days = r.windowDays;
      if (days === undefined) {
        const needed = r.min!;
        return (m, into) => filled(into, requirement, m.state.total[sig] ?? 0, needed, 'min');
      }
      const needed = r.min ?? r.share! * days;
      return (m, into) => filled(into, requirement, windowDaysActive(m.state.daily[sig], m.state.day, m.asOf, days), needed, 'min');
    }
    case 'distinct': {
      const days = r.windowDays;
      const bound = r.max !== undefined ? 'max' : 'min';
      const needed = r.max ?? r.min!;
      return (m, into) => {
        const list = m.state.distinct[sig];
        const from = days === undefined ? -Infinity : m.asOf - days;
        let value = 0;
        if (list !== undefined) {
          for (let i = 0; i < list.length; i++) {
            const day = list[i]![1];
            if (day > from && day <= m.asOf) value++;
          }
        }
        return filled(into, requirement, value, needed, bound);
      };
    }
  }
}

export const isMet = (x: Measure): boolean => (x.bound === 'min' ? x.value >= x.needed - EPS : x.value <= x.needed + EPS);

/** Kept against demotion: at least `keepShare` of a minimum (a maximum has no slack, as in Discourse). */
export const isKept = (x: Measure, keepShare: number): boolean =>
  x.bound === 'min' ? x.value >= keepShare * x.needed - EPS : x.value <= x.needed + EPS;
