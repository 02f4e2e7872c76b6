/**
 * The badge engine's state in the shared engine state (events.ts): one record per member and one per content item,
 * plain JSON with short field names because there is one row per member and per post. Keys start with `badges:` so
 * they never meet the points or levels engines' keys.
 */
import { memberKeys, type MemberKeys } from '../events.ts';

/**
 * Per member: what single-grant badges they hold and the running counters of their count and streak criteria. `g` and
 * `c` are created as `keyedRecord`s (../record.ts): keyed by badge id in the order badges came, they take hundreds of
 * shapes.
 */
export interface MemberRecord {
  /** Badge id → 1 for a granted single-grant badge; the number of grants so far for a multiple-grant count badge. */
  g?: Record<string, number>;
  /** Badge id → events counted so far (no window) or [local day, events that day] pairs inside the window. */
  c?: Record<string, number | [number, number][]>;
  /** Badge id → [last active local day, consecutive days up to it]. */
  s?: Record<string, [number, number]>;
}

/** The facts an item recorded about its parent when it was created: parent owner, parent creation µs (null when
 * the parent had not been seen), first child. */
export type ParentFacts = [owner: number, createdAt: number | null, firstChild: 0 | 1];

/** Per content item (a post), in the namespace of its key property (post ids). */
export interface ItemRecord {
  /** Owner: the actor of the creating event. Absent until that event is seen (votes may come first). */
  o?: number;
  /** Creation time, µs. */
  t?: number;
  /** The creating event's name. */
  n?: string;
  /** Ids of the item specs with a `where` that held on the creating event. */
  w?: string[];
  /** Metric id → value. */
  m?: Record<string, number>;
  /** Names of `requires` events that have named this item. */
  f?: string[];
  /** Parent key property → facts about the parent at creation. */
  p?: Record<string, ParentFacts>;
  /** As a parent: the id of its first child. */
  k?: string;
  /** Multiple-grant badge ids already granted for this item. */
  a?: string[];
}

export const memberKey: MemberKeys = memberKeys('badges');

export const itemKey = (keyProperty: string, id: string): string => itemKeyPrefix(keyProperty) + id;

/** `badges:i:<key property>:` (an item key is one concatenation: replay builds one for most events). */
const prefixes = new Map<string, string>();
export const itemKeyPrefix = (keyProperty: string): string => {
  let p = prefixes.get(keyProperty);
  if (p === undefined) prefixes.set(keyProperty, (p = `badges:i:${keyProperty}:`));
  return p;
};

/** An item id from a property value: strings and finite numbers name items, anything else does not. */
export function itemId(v: unknown): string | undefined {
  if (typeof v === 'string') return v.length > 0 ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}
