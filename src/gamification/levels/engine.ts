/**
 * The level engine: keeps each member's windowed activity in engine state, places the member on the ladder after
 * each event and when the daily job re-evaluates them (windows slide, so time alone can demote), and answers which
 * level and privileges a member holds and what the next level still needs.
 */
import { localDayNumber } from '../day.ts';
import type { EngineState, GamificationEvent } from '../events.ts';
import { planCounters, type CounterPlan } from './counters.ts';
import type { LevelLadder } from './ladder.ts';
import { isMet, measure } from './measure.ts';
import { cloneMemberState, countCommunity, countEvent, emptyMemberState, type CommunityState, type MemberLevelState } from './member-state.ts';
import { place } from './policy.ts';

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

/** Shared by every event that changes no level (callers only read the result). */
const NO_CHANGES = Object.freeze([]) as unknown as LevelChange[];

export class LevelEngine {
  readonly ladder: LevelLadder;
  private readonly timeZone: string;
  private readonly plan: CounterPlan;
  private readonly indexOf: Map<string, number>;
  private readonly memberKeys = new Map<number, string>();
  private readonly communityKey: string | null;

  constructor(ladder: LevelLadder, opts: { timeZone: string }) {
    this.ladder = ladder;
    this.timeZone = opts.timeZone;
    this.plan = planCounters(ladder);
    this.indexOf = new Map(ladder.levels.map((l, i) => [l.id, i]));
    this.communityKey = this.plan.community.size > 0 ? `lvl:${ladder.id}:community` : null;
  }

  /**
   * Events any requirement counts. Points requirements read the balance, so the caller must also apply every event
   * that can change a balance (the runtime applies the union of all engines' names, points first).
   */
  eventNames(): string[] {
    return [...this.plan.names].sort();
  }

  memberKey(memberId: number): string {
    // Cached: a string built per event is hashed again on every Map lookup.
    let k = this.memberKeys.get(memberId);
    if (k === undefined) {
      if (this.memberKeys.size >= 1_000_000) this.memberKeys.clear();
      k = `lvl:${this.ladder.id}:m:${memberId}`;
      this.memberKeys.set(memberId, k);
    }
    return k;
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
    const day = localDayNumber(e.ts, this.timeZone);
    let community = this.communityKey ? state.get<CommunityState>(this.communityKey) : undefined;
    if (this.communityKey) {
      const next = countCommunity(this.plan.community, community, e, day);
      if (next) {
        state.set(this.communityKey, next);
        community = next;
      }
    }
    // The actor, then the target (without an array per event: this runs for every event of a replay).
    let changes: LevelChange[] | null = null;
    for (let k = 0; k < 2; k++) {
      const id = k === 0 ? e.memberId : e.targetMemberId;
      if (id === null || (k === 1 && id === e.memberId)) continue;
      const key = this.memberKey(id);
      const prev = state.get<MemberLevelState>(key);
      // Changed in place (a copy per event cost more than the counting): whenever a stored state may have changed
      // it is `set` again, so the storage layer writes it back.
      const s = prev ?? emptyMemberState(e.ts, day);
      const counted = countEvent(this.plan, s, e, id, day);
      const t = Math.max(e.ts, s.t);
      const balance = balanceOf(id);
      // Placement reads the counters, the balance and the day (community counts too, when the ladder has them): when
      // none of them changed since the last placement, it would decide the same, so it is skipped.
      if (prev && !counted && !this.communityKey && s.pb === balance && s.pd === Math.max(localDayNumber(t, this.timeZone), s.day)) continue;
      const change = this.place(id, s, t, community, balance);
      if (change) (changes ??= []).push(change);
      if (prev || counted || change) state.set(key, s);
    }
    return changes ?? NO_CHANGES;
  }

  /** Re-evaluates a member at `now` (µs) — time passing alone can demote (windows slide): the daily job calls this. */
  evaluate(memberId: number, now: number, state: EngineState, balance: number): LevelChange | null {
    const key = this.memberKey(memberId);
    const prev = state.get<MemberLevelState>(key);
    const s = prev ? cloneMemberState(prev) : emptyMemberState(now, localDayNumber(now, this.timeZone));
    const community = this.communityKey ? state.get<CommunityState>(this.communityKey) : undefined;
    const change = this.place(memberId, s, Math.max(now, s.t), community, balance);
    if (change) state.set(key, s);
    return change;
  }

  level(memberId: number, state: EngineState): { level: string | null; since: number | null; privileges: string[] } {
    const s = state.get<MemberLevelState>(this.memberKey(memberId));
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
    const s = state.get<MemberLevelState>(this.memberKey(memberId)) ?? emptyMemberState(now, localDayNumber(now, this.timeZone));
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
    const p = place({
      ladder: this.ladder,
      current,
      asOfDay: asOf,
      sinceDay: s.since === null ? null : localDayNumber(s.since, this.timeZone),
      measure: (i, j) => measure(this.ladder.levels[i]!.requirements[j]!, { state: s, community, balance, asOf }),
    });
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
