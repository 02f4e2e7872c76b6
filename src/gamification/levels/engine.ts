/**
 * The level engine: keeps each member's windowed activity in engine state, places the member on the ladder after
 * each event and when the daily job re-evaluates them (windows slide, so time alone can demote), and answers which
 * level and privileges a member holds and what the next level still needs.
 */
import { localDayNumber } from '../day.ts';
import { getMember, memberChangedInPlace, memberKeys, setMember, type EngineState, type GamificationEvent, type MemberKeys } from '../events.ts';
import { planCounters, type CounterPlan } from './counters.ts';
import type { LevelLadder } from './ladder.ts';
import { isMet, measure, measurerOf, type Measure, type MeasureInput, type Measurer } from './measure.ts';
import { cloneMemberState, countCommunity, countEvent, emptyMemberState, type CommunityState, type MemberLevelState } from './member-state.ts';
import { place, type PlacementInput } from './policy.ts';

export interface LevelChange {
  memberId: number;
  from: string | null;
  to: string | null;
  /** UTC µs: the event's time, or the evaluation time of the daily job (never before the member's last change). */
  at: number;
  direction: 'up' | 'down';
  reason: string;
}

export interface RequirementProgress {
  requirement: string;
  value: number;
  needed: number;
  met: boolean;
}

export class LevelEngine {
  readonly ladder: LevelLadder;
  private readonly timeZone: string;
  private readonly plan: CounterPlan;
  private readonly indexOf: Map<string, number>;
  private readonly keyOf: MemberKeys;
  private readonly communityKey: string | null;
  /** One placement input and one measure input, refilled per placement (replay places on most events). */
  private readonly measured: MeasureInput = { state: null!, community: undefined, balance: 0, asOf: 0 };
  private readonly placement: PlacementInput;

  constructor(ladder: LevelLadder, opts: { timeZone: string }) {
    this.ladder = ladder;
    this.timeZone = opts.timeZone;
    this.plan = planCounters(ladder);
    this.indexOf = new Map(ladder.levels.map((l, i) => [l.id, i]));
    this.communityKey = this.plan.community.size > 0 ? `lvl:${ladder.id}:community` : null;
    this.keyOf = memberKeys(`lvl:${ladder.id}`);
    const measurers: Measurer[][] = ladder.levels.map((l) => l.requirements.map(measurerOf));
    const input = this.measured;
    const scratch: Measure = { requirement: '', value: 0, needed: 0, bound: 'min' };
    const timeZone = this.timeZone;
    this.placement = {
      ladder,
      current: -1,
      asOfDay: 0,
      sinceDay: () => (input.state.since === null ? null : localDayNumber(input.state.since, timeZone)),
      measure: (i, j): Measure => measurers[i]![j]!(input, scratch),
    };
  }

  /**
   * Events any requirement counts. Points requirements read the balance, so the caller must also apply every event
   * that can change a balance (the runtime applies the union of all engines' names, points first).
   */
  eventNames(): string[] {
    return [...this.plan.names].sort();
  }

  memberKey(memberId: number): string {
    return this.keyOf(memberId);
  }

  /** The keys `evaluate`, `level` and `progress` read for a member (the daily job loads these). */
  memberStateKeys(memberId: number): string[] {
    return this.communityKey ? [this.memberKey(memberId), this.communityKey] : [this.memberKey(memberId)];
  }

  stateKeys(e: GamificationEvent): string[] {
    const keys: string[] = [];
    if (e.memberId !== null) keys.push(this.memberKey(e.memberId));
    if (e.targetMemberId !== null && e.targetMemberId !== e.memberId) keys.push(this.memberKey(e.targetMemberId));
    // Community shares make every member's evaluation read the community counts.
    if (this.communityKey) keys.push(this.communityKey);
    return keys;
  }

  /**
   * Counts the event for its actor and its target and re-evaluates both at the event's time. `balanceOf` must
   * already include the event's points.
   */
  apply(e: GamificationEvent, state: EngineState, balanceOf: (memberId: number) => number): LevelChange[] {
    const out: LevelChange[] = [];
    this.applyInto(e, state, balanceOf, out);
    return out;
  }

  /** `apply`, appending the changes to `out` (no array per event: replay applies hundreds of thousands a second). */
  applyInto(e: GamificationEvent, state: EngineState, balanceOf: (memberId: number) => number, out: LevelChange[]): void {
    const day = localDayNumber(e.ts, this.timeZone);
    let community = this.communityKey ? state.get<CommunityState>(this.communityKey) : undefined;
    if (this.communityKey) {
      const next = countCommunity(this.plan, community, e, day);
      if (next) {
        state.set(this.communityKey, next);
        community = next;
      }
    }
    const counters = this.plan.countersOf.get(e.name);
    // The actor, then the target (without an array per event: this runs for every event of a replay).
    for (let k = 0; k < 2; k++) {
      const id = k === 0 ? e.memberId : e.targetMemberId;
      if (id === null || (k === 1 && id === e.memberId)) continue;
      const prev = getMember<MemberLevelState>(state, this.keyOf, id);
      // Changed in place (a copy per event cost more than the counting): whenever a stored state may have changed
      // it is marked changed, so the storage layer writes it back.
      const s = prev ?? emptyMemberState(e.ts, day);
      const counted = countEvent(this.plan, counters, s, e, id, day);
      const t = Math.max(e.ts, s.t);
      const balance = balanceOf(id);
      // Placement reads the counters, the balance and the day (community counts too, when the ladder has them): when
      // none of them changed since the last placement, it would decide the same, so it is skipped.
      if (prev && !counted && !this.communityKey && s.pb === balance && s.pd === Math.max(localDayNumber(t, this.timeZone), s.day)) continue;
      const change = this.place(id, s, t, community, balance);
      if (change) out.push(change);
      if (prev) memberChangedInPlace(state, this.keyOf, id, s);
      else if (counted || change) setMember(state, this.keyOf, id, s);
    }
  }

  /** Re-evaluates a member at `now` (µs) — time passing alone can demote (windows slide): the daily job calls this. */
  evaluate(memberId: number, now: number, state: EngineState, balance: number): LevelChange | null {
    const prev = getMember<MemberLevelState>(state, this.keyOf, memberId);
    const s = prev ? cloneMemberState(prev) : emptyMemberState(now, localDayNumber(now, this.timeZone));
    const community = this.communityKey ? state.get<CommunityState>(this.communityKey) : undefined;
    const change = this.place(memberId, s, Math.max(now, s.t), community, balance);
    if (change) setMember(state, this.keyOf, memberId, s);
    return change;
  }

  level(memberId: number, state: EngineState): { level: string | null; since: number | null; privileges: string[] } {
    const s = getMember<MemberLevelState>(state, this.keyOf, memberId);
    if (!s || s.level === null) return { level: null, since: null, privileges: [] };
    return { level: s.level, since: s.since, privileges: this.privilegesOf(s.level) };
  }

  /** The privileges of a level: its own and those of every level below it (an unknown level has none). */
  privilegesOf(levelId: string | null): string[] {
    const i = levelId === null ? -1 : (this.indexOf.get(levelId) ?? -1);
    return [...new Set(this.ladder.levels.slice(0, i + 1).flatMap((l) => l.privileges))];
  }

  hasPrivilege(memberId: number, privilege: string, state: EngineState): boolean {
    return this.level(memberId, state).privileges.includes(privilege);
  }

  /**
   * What the next level needs, requirement by requirement (for a member on the top level: what the top level
   * needs). `needed` is the promotion bound; a level with hysteresis is kept down to its `keepShare` of it.
   */
  progress(memberId: number, now: number, state: EngineState, balance: number): RequirementProgress[] {
    const s = getMember<MemberLevelState>(state, this.keyOf, memberId) ?? emptyMemberState(now, localDayNumber(now, this.timeZone));
    const community = this.communityKey ? state.get<CommunityState>(this.communityKey) : undefined;
    const asOf = Math.max(localDayNumber(Math.max(now, s.t), this.timeZone), s.day);
    const current = this.currentIndex(s);
    const target = Math.min(current + 1, this.ladder.levels.length - 1);
    return this.ladder.levels[target]!.requirements.map((r) => {
      const m = measure(r, { state: s, community, balance, asOf });
      return { requirement: m.requirement, value: m.value, needed: m.needed, met: isMet(m) };
    });
  }

  private currentIndex(s: MemberLevelState): number {
    return s.level === null ? -1 : (this.indexOf.get(s.level) ?? -1);
  }

  /** Places the member at time `t` (mutates `s`, a copy) and returns the change, if any. */
  private place(memberId: number, s: MemberLevelState, t: number, community: CommunityState | undefined, balance: number): LevelChange | null {
    const asOf = Math.max(localDayNumber(t, this.timeZone), s.day);
    s.pd = asOf;
    s.pb = balance;
    const current = this.currentIndex(s);
    const m = this.measured;
    m.state = s;
    m.community = community;
    m.balance = balance;
    m.asOf = asOf;
    const input = this.placement;
    input.current = current;
    input.asOfDay = asOf;
    const p = place(input);
    m.state = null!;
    m.community = undefined;
    const from = s.level;
    let direction = p.direction;
    let reason = p.reason;
    // A level id the ladder no longer has (the ladder was edited without a replay) counts as below the first level.
    if (direction === null && current === -1 && from !== null) {
      direction = 'down';
      reason = `level ${from} is not in the ladder`;
    }
    if (direction === null) return null;
    const to = p.index < 0 ? null : this.ladder.levels[p.index]!.id;
    s.level = to;
    s.since = t;
    s.t = t;
    return { memberId, from, to, at: t, direction, reason };
  }
}
