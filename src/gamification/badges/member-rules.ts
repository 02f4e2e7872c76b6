/**
 * The criteria that live on one member's record: first, count (and accepted, a count as target) and streak.
 * Records are changed in place and marked changed (a new one is `set`), so nothing is copied per event.
 */
import { dayString, localDayNumber } from '../day.ts';
import type { GamificationEvent } from '../events.ts';
import { keyedRecord } from '../record.ts';
import { makeAward, type BadgeAward } from './award.ts';
import type { MemberRule } from './compile.ts';
import type { EventMembers } from './event-members.ts';
import type { MemberRecord } from './state.ts';

export function applyMemberRules(e: GamificationEvent, memberId: number, rules: readonly MemberRule[], members: EventMembers, timeZone: string, out: BadgeAward[]): void {
  let rec: MemberRecord | undefined;
  let changed = false;
  let day = NaN;
  for (const r of rules) {
    if (!r.where(e.properties)) continue;
    rec ??= members.get(memberId) ?? {};
    const g = rec.g;
    if (!r.multiple && g !== undefined && g[r.id] !== undefined) continue;
    if (r.kind === 'first') {
      grant(rec, r, memberId, null, e, timeZone, out);
      changed = true;
    } else if (r.kind === 'count') {
      if (r.withinDays > 0 && Number.isNaN(day)) day = localDayNumber(e.ts, timeZone);
      changed = count(rec, r, memberId, day, e, timeZone, out) || changed;
    } else {
      if (Number.isNaN(day)) day = localDayNumber(e.ts, timeZone);
      changed = streak(rec, r, memberId, day, e, timeZone, out) || changed;
    }
  }
  if (changed) members.save(memberId, rec!);
}

function grant(rec: MemberRecord, r: MemberRule, memberId: number, subject: string | null, e: GamificationEvent, timeZone: string, out: BadgeAward[]): void {
  const g = (rec.g ??= keyedRecord());
  g[r.id] = (g[r.id] ?? 0) + 1;
  out.push(makeAward(r.id, memberId, r.multiple, subject, e, timeZone));
}

function count(rec: MemberRecord, r: MemberRule, memberId: number, day: number, e: GamificationEvent, timeZone: string, out: BadgeAward[]): boolean {
  const c = (rec.c ??= keyedRecord());
  let reached: boolean;
  if (r.withinDays === 0) {
    // A counter of another shape is left from an earlier definition of this badge (saved without a replay).
    const prev = c[r.id];
    const n = (typeof prev === 'number' ? prev : 0) + 1;
    c[r.id] = n;
    reached = n >= r.n;
  } else {
    // [day, events] pairs, oldest first, pruned to the window that ends today.
    let runs = c[r.id];
    if (!Array.isArray(runs)) c[r.id] = runs = [];
    const first = day - r.withinDays + 1;
    let drop = 0;
    while (drop < runs.length && runs[drop]![0] < first) drop++;
    if (drop > 0) {
      // By hand: `splice` returns an array of what it removed.
      for (let i = drop; i < runs.length; i++) runs[i - drop] = runs[i]!;
      for (let i = 0; i < drop; i++) runs.pop();
    }
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] === day) last[1]++;
    // An event for an earlier day than the last (a late arrival at ingest) still counts, on the last day.
    else if (last !== undefined && last[0] > day) last[1]++;
    else runs.push([day, 1]);
    let total = 0;
    for (const run of runs) total += run[1];
    reached = total >= r.n;
  }
  if (!reached) return true;
  if (r.multiple) {
    // Each further n events grant again: the counted events are used up.
    grant(rec, r, memberId, String((rec.g?.[r.id] ?? 0) + 1), e, timeZone, out);
    if (r.withinDays === 0) c[r.id] = 0;
    else delete c[r.id];
  } else {
    grant(rec, r, memberId, null, e, timeZone, out);
    delete c[r.id];
  }
  return true;
}

function streak(rec: MemberRecord, r: MemberRule, memberId: number, day: number, e: GamificationEvent, timeZone: string, out: BadgeAward[]): boolean {
  const s = (rec.s ??= {});
  const cur = s[r.id];
  if (cur === undefined) s[r.id] = [day, 1];
  else if (day === cur[0] + 1) {
    cur[0] = day;
    cur[1]++;
  } else if (day > cur[0] + 1) {
    cur[0] = day;
    cur[1] = 1;
  } else return false; // the same day again, or a late event for an earlier day: the streak is as it was
  const len = s[r.id]![1];
  if (r.multiple) {
    if (len === r.n) grant(rec, r, memberId, dayString(day - r.n + 1), e, timeZone, out);
  } else if (len >= r.n) {
    grant(rec, r, memberId, null, e, timeZone, out);
    delete s[r.id];
  }
  return true;
}
