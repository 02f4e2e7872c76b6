/**
 * What the points engine keeps between events, under keys starting with `points:` (the badge and level engines share
 * the same store). Plain JSON with short field names: there is one row per member, per awarded thing of a reversible
 * rule, and per remembered fact, and replay keeps them all in memory.
 */
import { getMember, memberKeys, type EngineState, type MemberKeys } from '../events.ts';
import { isDenseId } from '../member-keys.ts';

/** Per-rule running totals of one member: [day, points that day, week start, points that week, points ever]. */
export type RuleTotals = [number, number, number, number, number];

export interface MemberPoints {
  /** Balance: Σ of the member's ledger points. */
  b: number;
  /** The day (day number in the zone) the running total `t` belongs to. */
  d: number;
  /** Points applied on day `d` by rules under the daily cap; losses lower it (they free room under the cap). */
  t: number;
  /** Totals of the rules that have caps, by rule id. */
  r?: Record<string, RuleTotals>;
}

/**
 * What the reversible rules applied to one member for one thing: rule id (or `<rule id>#<item>` for rules reversed
 * one award at a time) → points applied and not yet reversed.
 */
export type AppliedByRule = Record<string, number>;

export const memberKey: MemberKeys = memberKeys('points');

/** The thing a reversible award was for: its ref property and value, per recipient. */
export const appliedKey = (memberId: number, refPath: string, value: string): string => appliedPrefix(memberId, refPath) + value;

/**
 * `points:a:<member>:<ref property>:`, kept per member and ref property: replay builds an applied key for most
 * awards, and one concatenation instead of five is fewer strings for the collector.
 */
const prefixes = new Map<string, (string | undefined)[]>();
export function appliedPrefix(memberId: number, refPath: string): string {
  if (!isDenseId(memberId)) return `points:a:${memberId}:${refPath}:`;
  let byMember = prefixes.get(refPath);
  if (byMember === undefined) prefixes.set(refPath, (byMember = []));
  while (byMember.length <= memberId) byMember.push(undefined);
  return (byMember[memberId] ??= `points:a:${memberId}:${refPath}:`);
}

/** A remembered fact about the thing named by the fact's key property. */
export const factKey = (factId: string, value: string): string => `points:f:${factId}:${value}`;

/** A member's balance in the engine's state: the sum of their ledger points (0 for a member with no entries). */
export function memberBalance(state: EngineState, memberId: number): number {
  return getMember<MemberPoints | null>(state, memberKey, memberId)?.b ?? 0;
}

/** String form of a ref or key value (numbers and strings as written; anything else is not a usable key). */
export function keyValue(v: unknown): string | null {
  if (typeof v === 'string') return v.length > 0 && v.length <= 200 ? v : null;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  return null;
}
