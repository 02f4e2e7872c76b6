/**
 * A member's level state as one small JSON value: the level and when it was reached, the member's clock, and the
 * counters keyed by signature. Rings hold one number per local day, newest first, with trailing zeros trimmed, so a
 * member active on 30 of the last 100 days stores at most 100 numbers per ring. Values are never mutated in place: the
 * storage layer writes back only the keys that were `set`, so an in-place change would be lost there and kept in
 * replay's map.
 */
import { amountOf, distinctValueOf, selects, type CommunityCounter, type CounterPlan } from './counters.ts';
import type { GamificationEvent } from '../events.ts';

export interface MemberLevelState {
  /** Id of the current level, null below the first. */
  level: string | null;
  /** UTC µs of the change that reached `level`. */
  since: number | null;
  /** The member's clock (UTC µs): the time of the latest level change (or first event); no evaluation is dated before it. */
  t: number;
  /** The local day number of index 0 of every ring. */
  day: number;
  daily: Record<string, number[]>;
  total: Record<string, number>;
  /** Days counters: the last local day counted (the count is in `total`). */
  lastDay: Record<string, number>;
  /** [value, last local day seen], most recent first, at most the counter's `keep`. */
  distinct: Record<string, [string, number][]>;
}

export interface CommunityState {
  day: number;
  daily: Record<string, number[]>;
}

export const emptyMemberState = (t: number, day: number): MemberLevelState => ({ level: null, since: null, t, day, daily: {}, total: {}, lastDay: {}, distinct: {} });

/** A copy deep enough to change counters and level without touching the original. */
export function cloneMemberState(s: MemberLevelState): MemberLevelState {
  const daily: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(s.daily)) daily[k] = v.slice();
  const distinct: Record<string, [string, number][]> = {};
  for (const [k, v] of Object.entries(s.distinct)) distinct[k] = v.map(([a, b]) => [a, b]);
  return { ...s, daily, total: { ...s.total }, lastDay: { ...s.lastDay }, distinct };
}

/** Moves every ring so index 0 is `day` (only forward), keeping each ring within its counter's days, trailing zeros trimmed. */
function advance(rings: Record<string, number[]>, from: number, day: number, daysOf: (sig: string) => number): void {
  const shift = day - from;
  if (shift <= 0) return;
  for (const [k, ring] of Object.entries(rings)) {
    const keep = daysOf(k);
    if (shift >= keep) {
      delete rings[k];
      continue;
    }
    const next = [...new Array<number>(shift).fill(0), ...ring].slice(0, keep);
    while (next.length > 0 && next[next.length - 1] === 0) next.pop();
    if (next.length === 0) delete rings[k];
    else rings[k] = next;
  }
}

/** Adds `amount` at `day` to a ring whose index 0 is `head`, keeping at most `days` entries (a late event beyond that is dropped). */
function addToRing(rings: Record<string, number[]>, sig: string, head: number, day: number, amount: number, days: number): void {
  const i = head - day;
  if (i < 0 || i >= days || amount === 0) return;
  const ring = rings[sig] ?? [];
  while (ring.length <= i) ring.push(0);
  ring[i] = ring[i]! + amount;
  if (ring.length > days) ring.length = days;
  rings[sig] = ring;
}

/**
 * Counts the event for the member in every counter that selects it (mutates `s`, a copy). Returns whether anything
 * was counted.
 */
export function countEvent(plan: CounterPlan, s: MemberLevelState, e: GamificationEvent, memberId: number, day: number): boolean {
  if (!plan.names.has(e.name)) return false;
  let counted = false;
  if (day > s.day) {
    advance(s.daily, s.day, day, (sig) => {
      const c = plan.member.get(sig);
      return c?.kind === 'daily' ? c.days : 0;
    });
    s.day = day;
  }
  for (const c of plan.member.values()) {
    if (!selects(c, e, memberId)) continue;
    if (c.kind === 'daily') {
      addToRing(s.daily, c.sig, s.day, day, amountOf(c.sum, e), c.days);
    } else if (c.kind === 'total') {
      s.total[c.sig] = (s.total[c.sig] ?? 0) + amountOf(c.sum, e);
    } else if (c.kind === 'days') {
      // In time order a day is new exactly when it is after the last one counted; a late event's day is not counted.
      if (day <= (s.lastDay[c.sig] ?? -Infinity) || amountOf(c.sum, e) === 0) continue;
      s.lastDay[c.sig] = day;
      s.total[c.sig] = (s.total[c.sig] ?? 0) + 1;
    } else {
      const v = distinctValueOf(c, e);
      if (v === undefined) continue;
      const list = s.distinct[c.sig] ?? [];
      const hit = list.find((x) => x[0] === v);
      if (hit) hit[1] = Math.max(hit[1], day);
      else list.push([v, day]);
      // Most recent first, then by value: the kept `keep` are the most recent, so in-window counts stay exact up to `keep`.
      list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      if (list.length > c.keep) list.length = c.keep;
      s.distinct[c.sig] = list;
    }
    counted = true;
  }
  return counted;
}

/** Counts the event community-wide (returns a new state, or the same one when no counter selects it). */
export function countCommunity(counters: ReadonlyMap<string, CommunityCounter>, prev: CommunityState | undefined, e: GamificationEvent, day: number): CommunityState | undefined {
  let next: CommunityState | undefined;
  for (const c of counters.values()) {
    if (!c.events.has(e.name)) continue;
    if (!next) {
      const base = prev ?? { day, daily: {} };
      next = { day: base.day, daily: Object.fromEntries(Object.entries(base.daily).map(([k, v]) => [k, v.slice()])) };
      if (day > next.day) {
        advance(next.daily, next.day, day, (sig) => counters.get(sig)?.days ?? 0);
        next.day = day;
      }
    }
    addToRing(next.daily, c.sig, next.day, day, 1, c.days);
  }
  return next;
}

/** Sum over the local days (asOf − days, asOf] of a ring whose index 0 is `head`. */
export function windowSum(ring: readonly number[] | undefined, head: number, asOf: number, days: number): number {
  if (!ring) return 0;
  let total = 0;
  for (let i = 0; i < ring.length; i++) {
    const d = head - i;
    if (d <= asOf && d > asOf - days) total += ring[i]!;
  }
  return total;
}

/** Days in (asOf − days, asOf] with a non-zero count. */
export function windowDaysActive(ring: readonly number[] | undefined, head: number, asOf: number, days: number): number {
  if (!ring) return 0;
  let n = 0;
  for (let i = 0; i < ring.length; i++) {
    const d = head - i;
    if (d <= asOf && d > asOf - days && ring[i]! > 0) n++;
  }
  return n;
}
