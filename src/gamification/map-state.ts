/**
 * An EngineState over a Map: the ingest hook's state of one batch (loaded by key, changed keys written back) and
 * replay's state of a whole workspace (hundreds of thousands of keys in memory).
 */
import type { EngineState } from './events.ts';
import { ABSENT, MemberIndex } from './member-index.ts';
import { parseMemberKey, type MemberKeys } from './member-keys.ts';

export class MapState implements EngineState {
  /**
   * Every value by key. Change it only through this class (`set`): replay's member index follows those changes.
   * Replay (no tracking) keeps members' values in the index only: call `materialize` before reading this map whole.
   */
  readonly values: Map<string, unknown>;
  /** Keys set or touched since the last save (only when tracking changes). */
  readonly changed = new Set<string>();
  private readonly track: boolean;
  /**
   * Replay only (no tracking): members' values by family and member id (member-index.ts). Filled by every write,
   * and on first read unless `complete` (the state started empty and every member key written so far was of a known
   * family): then an entry not filled means there is no such key.
   */
  private readonly members: MemberIndex | null;
  private complete: boolean;
  /** Families whose values `setMember` put in the index only, by family number. */
  private readonly familyKeys = new Map<number, MemberKeys>();
  /** Replay: things' values by key prefix, then id (`setItem`); in `values` after `materialize`. */
  private readonly items = new Map<string, Map<string, unknown>>();
  /** Whether `values` may hold members' keys (given at the start, or set by name). */
  private membersInMap: boolean;

  /** `trackChanges: false` for replay, which writes every key anyway (a second hash per `set` was measurable). */
  constructor(values?: Map<string, unknown>, opts: { trackChanges?: boolean } = {}) {
    this.values = values ?? new Map();
    this.track = opts.trackChanges ?? true;
    this.members = this.track ? null : new MemberIndex();
    this.complete = values === undefined || values.size === 0;
    this.membersInMap = !this.complete;
  }

  get<T>(key: string): T | undefined {
    const v = this.values.get(key);
    if (v !== undefined || this.members === null) return v as T | undefined;
    // Replay: a member's value set through `setMember` is in the index only.
    const m = parseMemberKey(key);
    if (m === null) return undefined;
    const at = this.members.at(m.family, m.memberId);
    const held = at < 0 ? undefined : this.members.read(at);
    return (held === ABSENT ? undefined : held) as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.values.set(key, value);
    if (this.track) this.changed.add(key);
    else if (this.members !== null) this.index(key, value);
  }

  touch(key: string): void {
    if (this.track) this.changed.add(key);
  }

  getMember<T>(keys: MemberKeys, memberId: number): T | undefined {
    const members = this.members;
    const at = members === null ? -1 : members.at(keys.family, memberId);
    if (at < 0) return this.values.get(keys(memberId)) as T | undefined;
    const v = members!.read(at);
    if (v === ABSENT) return undefined;
    if (v !== undefined || this.complete) return v as T | undefined;
    const loaded = this.values.get(keys(memberId));
    members!.write(at, loaded);
    return loaded as T | undefined;
  }

  setMember(keys: MemberKeys, memberId: number, value: unknown): void {
    const members = this.members;
    const at = members === null ? -1 : members.at(keys.family, memberId);
    if (at >= 0) {
      // Replay: the index holds it (a write into a map of hundreds of thousands of keys was ~5 % of the engines),
      // and the map too only when it may hold members' keys already (then it must not keep an older value).
      members!.write(at, value);
      this.familyKeys.set(keys.family, keys);
      if (this.membersInMap) this.values.set(keys(memberId), value);
      return;
    }
    const key = keys(memberId);
    this.values.set(key, value);
    if (this.track) this.changed.add(key);
  }

  /** Replay: copies members' values held only in the index, and things' values, into `values` (before it is read whole). */
  materialize(): void {
    if (this.members === null) return;
    for (const [prefix, inner] of this.items) for (const [id, value] of inner) this.values.set(prefix + id, value);
    this.items.clear();
    for (const [family, memberId, value] of this.members.held()) {
      const keys = this.familyKeys.get(family);
      if (keys === undefined) continue; // filled from `values` or by `set`: `values` has it already
      if (value === undefined) this.values.delete(keys(memberId));
      else this.values.set(keys(memberId), value);
    }
  }

  touchMember(keys: MemberKeys, memberId: number): void {
    if (this.track) this.changed.add(keys(memberId));
  }

  getItem<T>(prefix: string, id: string): T | undefined {
    if (this.members === null) return this.values.get(prefix + id) as T | undefined;
    // Replay: things by prefix (a small map per member or key property instead of one entry among hundreds of
    // thousands, and no key built per event); `values` may still hold one given at the start or set by name.
    const v = this.items.get(prefix)?.get(id);
    return (v !== undefined || this.values.size === 0 ? v : this.values.get(prefix + id)) as T | undefined;
  }

  setItem(prefix: string, id: string, value: unknown): void {
    if (this.members === null) return this.set(prefix + id, value);
    let inner = this.items.get(prefix);
    if (inner === undefined) this.items.set(prefix, (inner = new Map()));
    inner.set(id, value);
  }

  touchItem(prefix: string, id: string): void {
    if (this.track) this.changed.add(prefix + id);
  }

  /** A key set by name: if it is a member's key, the index follows. */
  private index(key: string, value: unknown): void {
    const m = parseMemberKey(key);
    if (m === null) {
      // Maybe the key of a family not created yet in this process: entries not filled must be looked up from now on.
      if (key.includes(':m:')) this.complete = false;
      return;
    }
    this.membersInMap = true;
    const at = this.members!.at(m.family, m.memberId);
    if (at >= 0) this.members!.write(at, value);
  }
}
