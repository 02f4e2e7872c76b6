/**
 * The counters a ladder needs, derived once from its requirements: requirements that look at the same events the
 * same way share one counter (a signature string names it in the state), so a member's state holds each ring once.
 */
import type { GamificationEvent } from '../events.ts';
import { interned } from '../intern.ts';
import { memberIdText } from '../member-keys.ts';
import { MAX_DISTINCT, type LevelLadder, type LevelRequirement } from './ladder.ts';

interface Selection {
  events: ReadonlySet<string>;
  role: 'actor' | 'target';
  othersOnly: boolean;
}

/** Per-day counts (or sums) for the last `days` local days: windowed counts and active days. */
export interface DailyCounter extends Selection {
  kind: 'daily';
  sig: string;
  sum: string | undefined;
  days: number;
}

/** An all-time count (or sum). */
export interface TotalCounter extends Selection {
  kind: 'total';
  sig: string;
  sum: string | undefined;
}

/** Days with at least one selected event (with `sum`: a positive amount), ever: a count plus the last day counted. */
export interface DaysCounter extends Selection {
  kind: 'days';
  sig: string;
  sum: string | undefined;
}

/** The `keep` most recent distinct values with the last day each was seen: exact counts up to `keep`. */
export interface DistinctCounter extends Selection {
  kind: 'distinct';
  sig: string;
  by: { kind: 'property'; name: string } | { kind: 'counterpart' };
  keep: number;
}

/** Per-day counts of events community-wide (any actor), the denominators of community shares. */
export interface CommunityCounter {
  sig: string;
  events: ReadonlySet<string>;
  days: number;
}

export type MemberCounter = DailyCounter | TotalCounter | DaysCounter | DistinctCounter;

export interface CounterPlan {
  member: Map<string, MemberCounter>;
  community: Map<string, CommunityCounter>;
  /** Every event name some counter looks at. */
  names: Set<string>;
  /** The member counters that look at each event name (so an event tests only those). */
  byName: Map<string, MemberCounter[]>;
  /** Every name in `names` → its member counters (none for a name only community counters read): one lookup an event. */
  countersOf: Map<string, readonly MemberCounter[]>;
  /** Window in days of each daily member counter's ring, and of each community ring (by signature). */
  ringDays: Map<string, number>;
  communityDays: Map<string, number>;
}

const selectionSig = (r: { events: string[]; role: string; othersOnly: boolean }) =>
  `${r.role}|${r.othersOnly ? 'others' : 'all'}|${[...new Set(r.events)].sort().join(',')}`;

/** The signature of the member counter a requirement reads (undefined for points, which come from the ledger). */
const sigs = new WeakMap<LevelRequirement, string | undefined>();

/** The signature of the counter a requirement reads (cached per requirement object: measured on every event). */
export function counterSig(r: LevelRequirement): string | undefined {
  if (sigs.has(r)) return sigs.get(r);
  const full = buildSig(r);
  // Stored in every member's state, so short: a hash of the full signature (a ladder whose counters collide is
  // refused by planCounters).
  const sig = full === undefined ? undefined : shortSig(full);
  sigs.set(r, sig);
  fullSigs.set(r, full);
  return sig;
}

const fullSigs = new WeakMap<LevelRequirement, string | undefined>();

/** FNV-1a (32 bits) of the signature, base 36: the same counter has the same short key in every version of a ladder. */
function shortSig(full: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < full.length; i++) {
    h ^= full.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return interned(h.toString(36));
}

function buildSig(r: LevelRequirement): string | undefined {
  switch (r.kind) {
    case 'points':
      return undefined;
    case 'count':
      return `${r.windowDays === undefined ? 'total' : 'daily'}|${r.sum ?? ''}|${selectionSig(r)}`;
    case 'active_days':
      // A windowed one shares the ring of a windowed count over the same events (days with a non-zero entry).
      return `${r.windowDays === undefined ? 'days' : 'daily'}|${r.sum ?? ''}|${selectionSig(r)}`;
    case 'distinct':
      return `distinct|${r.by.kind === 'property' ? `p:${r.by.name}` : 'counterpart'}|${selectionSig(r)}`;
  }
}

export const communitySig = (of: string[]) => interned(`community|${[...new Set(of)].sort().join(',')}`);

export function planCounters(ladder: LevelLadder): CounterPlan {
  const member = new Map<string, MemberCounter>();
  const community = new Map<string, CommunityCounter>();
  const names = new Set<string>();
  const fullOf = new Map<string, string>();
  for (const level of ladder.levels) {
    for (const r of level.requirements) {
      if (r.kind === 'points') continue;
      for (const n of r.events) names.add(n);
      const sig = counterSig(r)!;
      const full = fullSigs.get(r)!;
      const seen = fullOf.get(sig);
      if (seen !== undefined && seen !== full) throw new Error(`level counters ${seen} and ${full} share the key ${sig}: rename an event`);
      fullOf.set(sig, full);
      const sel: Selection = { events: new Set(r.events), role: r.role, othersOnly: r.othersOnly };
      const existing = member.get(sig);
      if (r.kind === 'distinct') {
        // Exact up to the largest bound any requirement on this counter compares with.
        const keep = Math.min(MAX_DISTINCT, r.min ?? (r.max ?? 0) + 1);
        const prev = existing?.kind === 'distinct' ? existing.keep : 0;
        const by = r.by.kind === 'property' ? { kind: 'property' as const, name: interned(r.by.name) } : r.by;
        member.set(sig, { kind: 'distinct', sig, ...sel, by, keep: Math.max(prev, keep) });
      } else if (r.windowDays === undefined) {
        const sum = r.sum === undefined ? undefined : interned(r.sum);
        member.set(sig, r.kind === 'count' ? { kind: 'total', sig, ...sel, sum } : { kind: 'days', sig, ...sel, sum });
      } else {
        const prev = existing?.kind === 'daily' ? existing.days : 0;
        member.set(sig, { kind: 'daily', sig, ...sel, sum: r.sum === undefined ? undefined : interned(r.sum), days: Math.max(prev, r.windowDays) });
      }
      if (r.kind === 'count' && r.communityShare) {
        const csig = communitySig(r.communityShare.of);
        for (const n of r.communityShare.of) names.add(n);
        const prev = community.get(csig)?.days ?? 0;
        community.set(csig, { sig: csig, events: new Set(r.communityShare.of), days: Math.max(prev, r.windowDays!) });
      }
    }
  }
  const byName = new Map<string, MemberCounter[]>();
  for (const c of member.values()) for (const n of c.events) byName.set(n, [...(byName.get(n) ?? []), c]);
  const ringDays = new Map<string, number>();
  for (const c of member.values()) if (c.kind === 'daily') ringDays.set(c.sig, c.days);
  const communityDays = new Map([...community.values()].map((c) => [c.sig, c.days]));
  const countersOf = new Map([...names].map((n) => [n, byName.get(n) ?? []]));
  return { member, community, names, byName, countersOf, ringDays, communityDays };
}

/** The other party of the event from the member's side, or null when unknown. */
export function counterpartOf(e: GamificationEvent, role: 'actor' | 'target'): number | null {
  return role === 'actor' ? e.targetMemberId : e.memberId;
}

/** Whether the counter counts this event for this member. */
export function selects(c: Selection, e: GamificationEvent, memberId: number): boolean {
  return c.events.has(e.name) && selectsMember(c, e, memberId);
}

/** Whether the counter counts, for this member, an event whose name it looks at (`byName` has grouped them). */
export function selectsMember(c: Selection, e: GamificationEvent, memberId: number): boolean {
  const who = c.role === 'actor' ? e.memberId : e.targetMemberId;
  // Null first: a comparison that has seen a number and null is a generic one from then on.
  if (who === null || who !== memberId) return false;
  if (!c.othersOnly) return true;
  const other = counterpartOf(e, c.role);
  return other !== null && other !== memberId;
}

/** How much one event adds: 1, or the summed property (non-negative and finite, else nothing). */
export function amountOf(sum: string | undefined, e: GamificationEvent): number {
  if (sum === undefined) return 1;
  const v = e.properties[sum];
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1e9) : 0;
}

/** The value a distinct counter tells apart, or undefined when the event does not carry one. */
export function distinctValueOf(c: DistinctCounter, e: GamificationEvent): string | undefined {
  if (c.by.kind === 'counterpart') {
    const other = counterpartOf(e, c.role);
    return other === null ? undefined : memberIdText(other);
  }
  const v = e.properties[c.by.name];
  if (typeof v === 'string' && v !== '') return v.slice(0, 200);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
