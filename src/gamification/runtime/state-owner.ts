/**
 * The ingest hook's engine state on SQLite, owned in memory between checkpoints. Writing every changed state row in
 * every ingest transaction cost more than applying the rules (serialising the rows, and the pages they dirty in each
 * commit); here a batch's transaction writes its ledger, badges and levels as before, plus one small append-only
 * record of the batch (its events' ids with the member ids the engines saw, and the configuration version). Every
 * 200 batches, or when 50 k rows wait, the changed rows are written whole and the records they cover go: a checkpoint.
 *
 * The stored truth is therefore the state rows plus the records since the checkpoint, applied again in order. Whoever
 * does not hold that in memory rebuilds it before using it (`sync`): a restart after a crash, another process that
 * ingested into the same store (a CLI import beside the server), a transaction that rolled back after changing the
 * memory. They are all recognised the same way, by one indexed read per batch: the newest record id (or checkpoint)
 * in the store is not the one this memory reflects. Ids are never reused, so the comparison cannot be fooled.
 *
 * Writers of state rows outside the hook (replay, the level check) first make the rows whole (`withSettledState`),
 * then move the checkpoint past every record, so every owner starts again from the rows.
 */
import { sql } from 'kysely';
import { logEventsById } from '../../ingest/index.ts';
import { bulkInsert, withWriteTransaction, writeSetting, type RowDialect, type RowStore, type Tx } from '../../store/index.ts';
import { MapState, type EngineState, type GamificationEvent } from '../events.ts';
import { emptyOutputs, type Engines, type Outputs } from './engines.ts';
import { keyOf, placeOf, readAllStateRows, readStateRows, STATE, stateRows } from './state-store.ts';

const CHECKPOINT = 'gamification.state_checkpoint';

export interface OwnerLimits {
  /** Rows changed since the checkpoint that trigger the next one. */
  dirtyRows: number;
  /** Batches since the checkpoint that trigger the next one (bounds what a restart applies again). */
  batches: number;
  /** Rows kept in memory after a checkpoint (least recently used go first). */
  keptRows: number;
}

const LIMITS: OwnerLimits = { dirtyRows: 50_000, batches: 200, keptRows: 100_000 };

/** Which configuration version resolves to which engines (a record names the version it was applied under). */
export type EnginesOf = (version: number) => Promise<Engines | null>;

/** The newest batch id the store knows for the workspace (its last record, else its checkpoint; 0: none yet). */
async function storedPosition(db: Tx, ws: number): Promise<{ newest: number; checkpoint: number }> {
  const r = await sql<{ tail: number | string | null; checkpoint: string | null }>`SELECT
      (SELECT max(id) FROM gamification_batches WHERE workspace_id = ${ws}) AS tail,
      (SELECT value FROM workspace_settings WHERE workspace_id = ${ws} AND key = ${CHECKPOINT}) AS checkpoint`.execute(db);
  const row = r.rows[0];
  const checkpoint = row?.checkpoint ? Number(JSON.parse(row.checkpoint)) : 0;
  return { newest: Math.max(Number(row?.tail ?? 0), checkpoint), checkpoint };
}

export class StateOwner {
  /** Engine keys → values: the rows read from the store, changed by every batch since. */
  private readonly values = new Map<string, unknown>();
  private readonly state = new MapState(this.values);
  /** Rows in memory, least recently used first: a member row's fields, or null for a row that is one key. */
  private readonly rows = new Map<string, Set<string> | null>();
  private readonly dirty = new Set<string>();
  /**
   * Every stored row of the workspace is in memory (it had at most `keptRows` when the memory started, and nothing was
   * evicted since): a row not here does not exist, so applying a batch reads nothing and computes no keys.
   */
  private complete = false;
  /** The newest batch id (or checkpoint) this memory reflects; -1: unknown, `sync` first. */
  private known = -1;
  private batches = 0;
  private lastChange = 0;

  constructor(
    readonly ws: number,
    private readonly dialect: RowDialect,
    private readonly limits: OwnerLimits = LIMITS,
  ) {}

  /** Whether changes wait for a checkpoint, and since when nothing changed (ms since epoch). */
  get pending(): { batches: number; dirtyRows: number; idleSince: number } {
    return { batches: this.batches, dirtyRows: this.dirty.size, idleSince: this.lastChange };
  }

  /**
   * Brings the memory to what the store holds, in the caller's write transaction: nothing to do when the store's
   * newest batch is the one this memory reflects; otherwise memory starts again and the batches recorded since the
   * checkpoint are applied to the stored rows (outputs discarded: they were written when the batches were).
   */
  async sync(trx: Tx, enginesOf: EnginesOf): Promise<void> {
    const { newest, checkpoint } = await storedPosition(trx, this.ws);
    if (newest === this.known) return;
    this.reset();
    this.complete = await readAllStateRows(trx, this.ws, this.limits.keptRows, (row, _text, kv, fields) => {
      for (const [k, v] of kv) this.values.set(k, v);
      this.rows.set(row, fields);
    });
    const tail = await trx.selectFrom('gamification_batches').select(['id', 'config_version', 'events']).where('workspace_id', '=', this.ws).where('id', '>', checkpoint).orderBy('id').execute();
    for (const b of tail) {
      const engines = await enginesOf(Number(b.config_version));
      const seen = JSON.parse(b.events) as [string, number | null, number | null][];
      if (!engines || seen.length === 0) continue;
      const logged = new Map((await logEventsById(trx, this.dialect, this.ws, seen.map((s) => s[0]))).map((e) => [e.eventId, e]));
      const events: GamificationEvent[] = [];
      for (const [id, memberId, targetMemberId] of seen) {
        const e = logged.get(id);
        if (e) events.push({ ...e, memberId, targetMemberId });
      }
      await this.apply(trx, engines, events, emptyOutputs());
    }
    this.known = newest;
    this.batches = tail.length;
  }

  /** Applies events (the caller has synced in this transaction) and appends their outputs to `out`. */
  async apply(trx: Tx, engines: Engines, events: readonly GamificationEvent[], out: Outputs): Promise<void> {
    if (!this.complete) {
      const keys: string[] = [];
      for (const e of events) for (const k of engines.stateKeys(e)) keys.push(k);
      await this.load(trx, keys);
    }
    engines.applyAll(events, this.state, out);
    for (const k of this.state.changed) {
      const { row, field } = placeOf(k);
      this.dirty.add(row);
      if (field === null) {
        if (!this.rows.has(row)) this.rows.set(row, null);
        continue;
      }
      let fields = this.rows.get(row);
      if (!fields) this.rows.set(row, (fields = new Set()));
      fields.add(field);
    }
    this.state.changed.clear();
    this.lastChange = Date.now();
  }

  /**
   * Records the batch just applied, in the same transaction, and writes a checkpoint when enough waits. A rollback
   * removes the record, which the next `sync` notices.
   */
  async record(trx: Tx, version: number, events: readonly GamificationEvent[], now: number): Promise<void> {
    const seen = events.map((e) => [e.eventId, e.memberId, e.targetMemberId]);
    const r = await trx.insertInto('gamification_batches').values({ workspace_id: this.ws, config_version: version, events: JSON.stringify(seen) }).returning('id').executeTakeFirstOrThrow();
    this.known = Number(r.id);
    this.batches++;
    if (this.dirty.size >= this.limits.dirtyRows || this.batches >= this.limits.batches) await this.checkpoint(trx, now);
    else if (this.rows.size > 2 * this.limits.keptRows) this.evict();
  }

  /**
   * Writes every changed row and drops the records they now include. In a transaction that also recorded a batch, a
   * rollback is noticed by the next `sync`; anywhere else, call through `checkpointOwned`, which starts the memory
   * again when the transaction fails.
   */
  async checkpoint(trx: Tx, now: number): Promise<void> {
    if (this.known < 0 || (this.batches === 0 && this.dirty.size === 0)) return;
    const keys: string[] = [];
    for (const row of this.dirty) {
      const fields = this.rows.get(row);
      if (fields === null || fields === undefined) keys.push(row);
      else for (const f of fields) keys.push(keyOf(row, f));
    }
    const rows = stateRows(this.values, keys);
    await bulkInsert(trx, this.dialect, STATE, Array.from(rows, ([row, { text }]) => [this.ws, row, text]));
    await trx.deleteFrom('gamification_batches').where('workspace_id', '=', this.ws).where('id', '<=', this.known).execute();
    await writeSetting(trx as never, this.ws, CHECKPOINT, this.known, now);
    this.dirty.clear();
    this.batches = 0;
    this.evict();
  }

  /** Forgets everything (the next `sync` starts from the store). */
  reset(): void {
    this.values.clear();
    this.rows.clear();
    this.dirty.clear();
    this.state.changed.clear();
    this.known = -1;
    this.batches = 0;
    this.complete = false;
  }

  /** Copies of the values of `keys` (for readers: the engines change values in place). */
  async snapshot(db: Tx, keys: readonly string[]): Promise<MapState> {
    if (!this.complete) await this.load(db, keys);
    const copy = new Map<string, unknown>();
    for (const k of keys) if (this.values.has(k)) copy.set(k, structuredClone(this.values.get(k)));
    return new MapState(copy);
  }

  /** Whether this memory reflects the store (read on the caller's connection). */
  async current(db: Tx): Promise<boolean> {
    return this.known >= 0 && (await storedPosition(db, this.ws)).newest === this.known;
  }

  /** Reads the rows holding `keys` that are not in memory (rows in memory are the most recent). */
  private async load(db: Tx, keys: readonly string[]): Promise<void> {
    const missing: string[] = [];
    const seen = new Set<string>();
    for (const k of keys) {
      const row = placeOf(k).row;
      if (seen.has(row)) continue;
      seen.add(row);
      const fields = this.rows.get(row);
      if (fields === undefined) missing.push(row);
      else {
        this.rows.delete(row);
        this.rows.set(row, fields);
      }
    }
    await readStateRows(db, this.dialect, this.ws, missing, (row, _text, kv, fields) => {
      for (const [k, v] of kv) this.values.set(k, v);
      this.rows.set(row, fields);
    });
    // Rows the store does not have are known to be empty from now on.
    for (const row of missing) if (!this.rows.has(row)) this.rows.set(row, row.startsWith('m:') ? new Set() : null);
  }

  /** Keeps the most recently used rows, and every row changed since the checkpoint (only memory has those). */
  private evict(): void {
    let over = this.rows.size - this.limits.keptRows;
    if (over <= 0) return;
    for (const [row, fields] of this.rows) {
      if (over <= 0) break;
      if (this.dirty.has(row)) continue;
      over--;
      this.complete = false;
      if (fields === null) this.values.delete(row);
      else for (const f of fields) this.values.delete(keyOf(row, f));
      this.rows.delete(row);
    }
  }
}

/** The owners of one row store's workspaces in this process. */
const ownersByStore = new WeakMap<RowStore, Map<number, StateOwner>>();

/** The workspace's owner in this process (`limits` apply when it is created: tests use small ones). */
export function stateOwner(rows: RowStore, ws: number, limits?: OwnerLimits): StateOwner {
  let owners = ownersByStore.get(rows);
  if (!owners) ownersByStore.set(rows, (owners = new Map()));
  let owner = owners.get(ws);
  if (!owner) owners.set(ws, (owner = new StateOwner(ws, rows.dialect, limits)));
  return owner;
}

const ownersOf = (rows: RowStore): StateOwner[] => [...(ownersByStore.get(rows)?.values() ?? [])];

/**
 * Runs `fn` in a write transaction on whole state rows: this process's owner writes what it holds, or the batches
 * recorded since the checkpoint are applied to the rows. When `rewrites`, `fn` writes state rows itself: afterwards
 * every owner (in any process) starts again from the rows.
 */
export async function withSettledState<T>(rows: RowStore, ws: number, enginesOf: (trx: Tx) => EnginesOf, now: number, rewrites: boolean, fn: (trx: Tx) => Promise<T>): Promise<T> {
  const owner = stateOwner(rows, ws);
  try {
    return await withWriteTransaction(rows, async (trx) => {
      await owner.sync(trx, enginesOf(trx));
      await owner.checkpoint(trx, now);
      const result = await fn(trx);
      if (rewrites) await moveCheckpointPastRecords(trx, ws, now);
      return result;
    });
  } catch (err) {
    owner.reset();
    throw err;
  }
}

/** After state rows were rewritten outside the hook: no record applies any more, and every owner starts again. */
export async function moveCheckpointPastRecords(trx: Tx, ws: number, now: number): Promise<void> {
  const r = await trx.insertInto('gamification_batches').values({ workspace_id: ws, config_version: 0, events: '[]' }).returning('id').executeTakeFirstOrThrow();
  await trx.deleteFrom('gamification_batches').where('workspace_id', '=', ws).where('id', '<=', Number(r.id)).execute();
  await writeSetting(trx as never, ws, CHECKPOINT, Number(r.id), now);
}

/**
 * Writes the checkpoints of this process's owners that have something waiting (`idleMs`: only those unchanged for
 * that long): at shutdown, and from the server's background jobs so a quiet store keeps few records.
 */
export async function checkpointOwned(rows: RowStore, now: number, idleMs = 0): Promise<void> {
  for (const owner of ownersOf(rows)) {
    const p = owner.pending;
    if ((p.batches === 0 && p.dirtyRows === 0) || Date.now() - p.idleSince < idleMs) continue;
    try {
      await withWriteTransaction(rows, async (trx) => {
        // Another process wrote since: this memory is not the truth any more, and whoever syncs next applies the records.
        if (await owner.current(trx)) await owner.checkpoint(trx, now);
        else owner.reset();
      });
    } catch (err) {
      owner.reset();
      throw err;
    }
  }
}

/**
 * The values of `keys` for a reader: from this process's owner when its memory is the truth, else from the rows
 * (made whole first when batches wait to be applied).
 */
export async function readState(rows: RowStore, ws: number, keys: readonly string[], enginesOf: (trx: Tx) => EnginesOf, now: number): Promise<EngineState> {
  const owner = stateOwner(rows, ws);
  const direct = await rows.db.connection().execute(async (conn) => {
    if (await owner.current(conn)) return owner.snapshot(conn, keys);
    const { newest, checkpoint } = await storedPosition(conn, ws);
    return newest === checkpoint ? freshSnapshot(conn, rows.dialect, ws, keys) : null;
  });
  return direct ?? withSettledState(rows, ws, enginesOf, now, false, (trx) => freshSnapshot(trx, rows.dialect, ws, keys));
}

async function freshSnapshot(db: Tx, dialect: RowDialect, ws: number, keys: readonly string[]): Promise<MapState> {
  return new StateOwner(ws, dialect).snapshot(db, keys);
}
