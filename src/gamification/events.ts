/**
 * What the gamification engines see of an event, and the order they see events in. The engines are pure: the same
 * events in the same order give the same ledger, badges and levels, whether they arrive one batch at a time in the
 * ingest transaction or all at once in a replay.
 */

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
}

/** An EngineState over a Map that remembers which keys changed (the hook writes back only those). */
export class MapState implements EngineState {
  readonly values: Map<string, unknown>;
  readonly changed = new Set<string>();
  private readonly track: boolean;
  /** `trackChanges: false` for replay, which writes every key anyway (a second hash per `set` was measurable). */
  constructor(values?: Map<string, unknown>, opts: { trackChanges?: boolean } = {}) {
    this.values = values ?? new Map();
    this.track = opts.trackChanges ?? true;
  }
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
    if (this.track) this.changed.add(key);
  }
}

/**
 * `<prefix>:m:<member id>` state keys, kept once per member: a key built per event is a new string, hashed again on
 * every Map lookup, and replay looks up a few per event.
 */
export function memberKeys(prefix: string): (memberId: number) => string {
  const keys = new Map<number, string>();
  return (memberId) => {
    let k = keys.get(memberId);
    if (k === undefined) {
      if (keys.size >= 1_000_000) keys.clear();
      k = `${prefix}:m:${memberId}`;
      keys.set(memberId, k);
    }
    return k;
  };
}
