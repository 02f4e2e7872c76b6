/**
 * A member's level state as one small JSON value: the level and when it was reached, the member's clock, and the
 * counters keyed by signature. Rings hold (day, count) pairs for the days with a count only, newest first, so a
 * member active on 3 of the last 100 days stores 6 numbers per ring. The engine changes a member's state in place
 * and marks it changed (the storage layer writes back only keys marked or `set`).
 */
import { amountOf, distinctValueOf, selectsMember, type CounterPlan, type DistinctCounter, type MemberCounter } from './counters.ts';
import type { GamificationEvent } from '../events.ts';

export interface MemberLevelState {
  /** Id of the current level, null below the first. */
  level: string | null;
  /** UTC µs of the change that reached `level`. */
  since: number | null;
  /** The member's clock (UTC µs): the time of the latest level change (or first event); no evaluation is dated before it. */
  t: number;
  /** The local day and the balance of the last placement (placement is skipped while neither nor any counter changed). */
  pd?: number;
  pb?: number;
  /** The newest local day counted (the rings' head). */
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

/**
 * `pd` and `pb` are set by the first placement, right after: declared here (undefined, which JSON leaves out) so the
 * object has room for them, instead of a second object for properties added later (a cache miss per placement).
 */
export const emptyMemberState = (t: number, day: number): MemberLevelState => ({
  level: null,
  since: null,
  t,
  day,
  daily: {},
  total: {},
  lastDay: {},
  distinct: {},
  pd: undefined,
  pb: undefined,
});

/** A copy deep enough to change counters and level without touching the original. */
export function cloneMemberState(s: MemberLevelState): MemberLevelState {
  const daily: Record<string, number[]> = {};
  for (const [k, v] of Object.entries(s.daily)) daily[k] = v.slice();
  const distinct: Record<string, [string, number][]> = {};
  for (const [k, v] of Object.entries(s.distinct)) distinct[k] = v.map(([a, b]) => [a, b]);
  return { ...s, daily, total: { ...s.total }, lastDay: { ...s.lastDay }, distinct };
}

/*
 * A ring is sparse: flat pairs [local day, count, local day, count, …], newest day first, only days with a count and
 * only within the counter's window of the newest day. Most members are active on a few days of a 90-day window, and
 * the state is written back in every ingest transaction that touches the member, so its size is what ingest pays.
 */

/** Drops the days that fell out of each ring's window now that the newest day is `day` (`days`: window by signature). */
function advance(rings: Record<string, number[]>, from: number, day: number, days: ReadonlyMap<string, number>): void {
  if (day <= from) return;
  for (const k in rings) {
    const ring = rings[k]!;
    const oldest = day - (days.get(k) ?? 0); // days at or before this are out
    // Newest first, so the days that fall out are at the end: look there (a 90-day ring is up to 180 numbers).
    let end = ring.length;
    while (end > 0 && ring[end - 2]! <= oldest) end -= 2;
    if (end === 0) delete rings[k];
    else while (ring.length > end) ring.pop(); // `pop` stays in compiled code, setting `length` does not
  }
}

/** Adds `amount` on `day` to a ring whose newest day is `head`, within `days` of it (a late event beyond that is dropped). */
function addToRing(rings: Record<string, number[]>, sig: string, head: number, day: number, amount: number, days: number): void {
  if (head - day < 0 || head - day >= days || amount === 0) return;
  const ring = rings[sig];
  if (ring === undefined) {
    rings[sig] = [day, amount];
    return;
  }
  let i = 0;
  while (i < ring.length && ring[i]! > day) i += 2;
  if (i < ring.length && ring[i] === day) {
    ring[i + 1] = ring[i + 1]! + amount;
    return;
  }
  // A new day goes at `i` (in time order, the front). Moved by hand: `splice` returns an array per call and
  // `unshift` is a call into the runtime, each costlier than moving a ring of a few days.
  ring.push(0, 0);
  for (let j = ring.length - 1; j > i + 1; j--) ring[j] = ring[j - 2]!;
  ring[i] = day;
  ring[i + 1] = amount;
}

/**
 * Counts the event for the member in every counter that selects it (mutates `s`). `counters`: the plan's counters for
 * the event's name (`countersOf`), undefined when the plan reads no such events. Returns whether anything was
 * counted.
 */
export function countEvent(plan: CounterPlan, counters: readonly MemberCounter[] | undefined, s: MemberLevelState, e: GamificationEvent, memberId: number, day: number): boolean {
  if (counters === undefined) return false;
  // Names only community counters read (no member counters) still move the member's rings forward.
  if (day > s.day) {
    advance(s.daily, s.day, day, plan.ringDays);
    s.day = day;
  }
  let counted = false;
  for (let i = 0; i < counters.length; i++) {
    const c = counters[i]!;
    if (!selectsMember(c, e, memberId)) continue;
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
      countDistinct(s, c, v, day);
    }
    counted = true;
  }
  return counted;
}

/** Records value `v` seen on `day` in a distinct counter's list. */
function countDistinct(s: MemberLevelState, c: DistinctCounter, v: string, day: number): void {
  const list = s.distinct[c.sig] ?? [];
  let at = 0;
  while (at < list.length && list[at]![0] !== v) at++;
  const hit = at < list.length ? list[at]! : undefined;
  if (hit) hit[1] = Math.max(hit[1], day);
  else list.push([v, day]);
  // Most recent first, then by value: the kept `keep` are the most recent, so in-window counts stay exact up to
  // `keep`. Events come in time order, so the entry just seen usually belongs right at the front: only a late
  // event (an older day) needs the full sort.
  const from = hit ? at : list.length - 1;
  const entry = list[from]!;
  const front = list[0]!;
  if (entry !== front && entry[1] >= front[1]) {
    // Among entries of the same day the order is by value: walk to its place among the others, then move it there
    // (in place: two splices allocate two arrays per event).
    const others = list.length - 1;
    let i = 0;
    while (i < others) {
      const x = list[i < from ? i : i + 1]!;
      if (x[1] !== entry[1] || !(x[0] < entry[0])) break;
      i++;
    }
    if (i < from) for (let k = from; k > i; k--) list[k] = list[k - 1]!;
    else for (let k = from; k < i; k++) list[k] = list[k + 1]!;
    list[i] = entry;
  } else if (entry !== front) {
    list.sort(byRecency);
  }
  while (list.length > c.keep) list.pop();
  s.distinct[c.sig] = list;
}

const byRecency = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Counts the event community-wide (returns a new state, or undefined when no counter selects it). */
export function countCommunity(plan: CounterPlan, prev: CommunityState | undefined, e: GamificationEvent, day: number): CommunityState | undefined {
  let next: CommunityState | undefined;
  for (const c of plan.community.values()) {
    if (!c.events.has(e.name)) continue;
    if (!next) {
      const base = prev ?? { day, daily: {} };
      next = { day: base.day, daily: Object.fromEntries(Object.entries(base.daily).map(([k, v]) => [k, v.slice()])) };
      if (day > next.day) {
        advance(next.daily, next.day, day, plan.communityDays);
        next.day = day;
      }
    }
    addToRing(next.daily, c.sig, next.day, day, 1, c.days);
  }
  return next;
}

/** Sum over the local days (asOf − days, asOf] of a ring (see above; `head`, its newest day, is implied by it). */
export function windowSum(ring: readonly number[] | undefined, _head: number, asOf: number, days: number): number {
  if (!ring) return 0;
  const out = asOf - days;
  let total = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const d = ring[i]!;
    if (d <= out) break; // newest first: the rest is older still
    if (d <= asOf) total += ring[i + 1]!;
  }
  return total;
}

/** Days in (asOf − days, asOf] with a non-zero count. */
export function windowDaysActive(ring: readonly number[] | undefined, _head: number, asOf: number, days: number): number {
  if (!ring) return 0;
  const out = asOf - days;
  let n = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const d = ring[i]!;
    if (d <= out) break; // newest first: the rest is older still
    if (d <= asOf && ring[i + 1]! > 0) n++;
  }
  return n;
}
