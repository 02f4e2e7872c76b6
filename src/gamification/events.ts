/**
 * What the gamification engines see of an event, and the order they see events in. The engines are pure: the same
 * events in the same order give the same ledger, badges and levels, whether they arrive one batch at a time in the
 * ingest transaction or all at once in a replay.
 */
import type { MemberKeys } from './member-keys.ts';

/** The stored event as the ingest pipeline hands it to its hooks (and as replay reads it back from the log). */
export interface GamificationEvent {
  eventId: string;
  /** 'track', 'identify', … */
  type: string;
  name: string;
  /** UTC microseconds. */
  ts: number;
  platform: string;
  /** The actor; null when the source hides who did it (e.g. Stack Exchange voters). */
  memberId: number | null;
  /** The member the event is about (the author of the voted post), when not the actor. */
  targetMemberId: number | null;
  properties: Record<string, unknown>;
}

/** The deterministic order: timestamp, then event id (a plain code-unit comparison, the same in SQL's ORDER BY). */
export function compareEvents(a: GamificationEvent, b: GamificationEvent): number {
  if (a.ts !== b.ts) return a.ts - b.ts;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/**
 * The state an engine keeps between events, as JSON-serialisable values under string keys. An engine names the keys
 * an event needs (`stateKeys`) so the ingest hook can load just those rows from the row store, apply the batch, and
 * write back the keys it changed; replay keeps one map in memory. Engines must not keep state anywhere else.
 */
export interface EngineState {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  /**
   * Optional: the value `get` just returned for `key` was changed in place. The same as `set(key, thatValue)` (the
   * key counts as changed) without writing the value again: replay changes most values in place, and a Map write is
   * a second hash lookup. Engines call it through `changedInPlace`.
   */
  touch?(key: string): void;
  /** Optional: `get(keys(memberId))`, which a state may answer without hashing the key (`getMember`). */
  getMember?<T>(keys: MemberKeys, memberId: number): T | undefined;
  /** Optional: `set(keys(memberId), value)` (`setMember`). */
  setMember?(keys: MemberKeys, memberId: number, value: unknown): void;
  /** Optional: `touch(keys(memberId))` (`memberChangedInPlace`). */
  touchMember?(keys: MemberKeys, memberId: number): void;
  /** Optional: `get(prefix + id)`, which a state may answer without building the key (`getItem`). */
  getItem?<T>(prefix: string, id: string): T | undefined;
  /** Optional: `set(prefix + id, value)` (`setItem`). */
  setItem?(prefix: string, id: string, value: unknown): void;
  /** Optional: `touch(prefix + id)` (`itemChangedInPlace`). */
  touchItem?(prefix: string, id: string): void;
}

/** Marks a value changed in place: `touch` where the state has it, else `set` with the same value. */
export function changedInPlace(state: EngineState, key: string, value: unknown): void {
  if (state.touch !== undefined) state.touch(key);
  else state.set(key, value);
}

/** A member's value in a family of keys (`<prefix>:m:<id>`). */
export function getMember<T>(state: EngineState, keys: MemberKeys, memberId: number): T | undefined {
  return state.getMember !== undefined ? state.getMember<T>(keys, memberId) : state.get<T>(keys(memberId));
}

export function setMember(state: EngineState, keys: MemberKeys, memberId: number, value: unknown): void {
  if (state.setMember !== undefined) state.setMember(keys, memberId, value);
  else state.set(keys(memberId), value);
}

/** `changedInPlace` for a member's value in a family of keys. */
export function memberChangedInPlace(state: EngineState, keys: MemberKeys, memberId: number, value: unknown): void {
  if (state.touchMember !== undefined) state.touchMember(keys, memberId);
  else changedInPlace(state, keys(memberId), value);
}

/**
 * A thing's value under a key `<prefix><id>` (a content item's record, what reversible rules applied to a member for
 * one thing): every read and write of such keys goes through these, so a state may keep them by prefix.
 */
export function getItem<T>(state: EngineState, prefix: string, id: string): T | undefined {
  return state.getItem !== undefined ? state.getItem<T>(prefix, id) : state.get<T>(prefix + id);
}

export function setItem(state: EngineState, prefix: string, id: string, value: unknown): void {
  if (state.setItem !== undefined) state.setItem(prefix, id, value);
  else state.set(prefix + id, value);
}

/** `changedInPlace` for a thing's value. */
export function itemChangedInPlace(state: EngineState, prefix: string, id: string, value: unknown): void {
  if (state.touchItem !== undefined) state.touchItem(prefix, id);
  else changedInPlace(state, prefix + id, value);
}

export { MapState } from './map-state.ts';
export { memberKeys, type MemberKeys } from './member-keys.ts';
