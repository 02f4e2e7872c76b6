/**
 * The ingest hook's copy of engine state rows between batches (SQLite): reading and parsing the rows a batch touches
 * cost as much as applying the rules to it. The row store stays the truth; the cache only saves reading it back.
 *
 * - A batch takes the rows it needs out of the cache (so a failed transaction cannot leave changed objects behind)
 *   and puts them back once its transaction has committed.
 * - Every load or write of a row in a transaction stamps it; a row comes back only with the latest stamp, so an
 *   older copy never replaces a newer one (two batches sharing a group commit, a rolled-back batch).
 * - Writes the hook does not make invalidate it: another connection's commit (a CLI import beside the server, the
 *   scoring writer) changes SQLite's `data_version`, and this process's replay and level check bump the workspace's
 *   generation (`bumpStateGeneration`). Either clears the cache before the next batch.
 */
import { sql } from 'kysely';
import type { Tx } from '../../store/index.ts';

export interface CachedRow {
  /** The row's JSON text as stored (unchanged rows are not written back). */
  text: string;
  /** The parsed value: a member row's fields object, or the row's value. */
  value: unknown;
  stamp: number;
}

const generations = new Map<number, number>();

/** Marks a workspace's stored state as changed outside the ingest hook (every hook cache of it starts again). */
export function bumpStateGeneration(ws: number): void {
  generations.set(ws, (generations.get(ws) ?? 0) + 1);
}

export class StateCache {
  private readonly rows = new Map<string, CachedRow>();
  private readonly latest = new Map<string, number>();
  private stampCounter = 0;
  private generation = -1;
  private dataVersion = -1;

  constructor(
    readonly ws: number,
    // A member row parsed is about a kilobyte: 100 k rows keep the active members of a large community in ~100 MB.
    private readonly maxRows = 100_000,
  ) {}

  /** Clears the cache if anything but this hook wrote the store since the last batch. Call inside the transaction. */
  async validate(trx: Tx): Promise<void> {
    const r = await sql<{ data_version: number }>`PRAGMA data_version`.execute(trx);
    const version = Number(r.rows[0]?.data_version ?? -1);
    const generation = generations.get(this.ws) ?? 0;
    if (version !== this.dataVersion || generation !== this.generation) this.clear();
    this.dataVersion = version;
    this.generation = generation;
  }

  take(row: string): CachedRow | undefined {
    const hit = this.rows.get(row);
    if (hit) this.rows.delete(row);
    return hit;
  }

  /** Stamps a row as loaded or written by the current transaction. */
  mark(row: string): number {
    const stamp = ++this.stampCounter;
    this.latest.set(row, stamp);
    return stamp;
  }

  /** After commit: keeps the copy if no later load or write of the row happened since it was stamped. */
  putBack(row: string, entry: CachedRow): void {
    if (this.latest.get(row) !== entry.stamp) return;
    this.rows.set(row, entry);
    // Least recently used first out (a taken row comes back at the end of the map's order).
    while (this.rows.size > this.maxRows) {
      const oldest = this.rows.keys().next().value as string;
      this.rows.delete(oldest);
      this.latest.delete(oldest);
    }
    if (this.latest.size > 2 * this.maxRows) this.clear();
  }

  clear(): void {
    this.rows.clear();
    this.latest.clear();
  }

  get size(): number {
    return this.rows.size;
  }
}
