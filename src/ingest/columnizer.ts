/**
 * The columnizer: copies ingest-log rows past its watermark from the row store into the column store, then applies
 * queued member remaps (merges/splits). Rows are appended to a staging table, then moved into `events` in one
 * column-store transaction together with the new watermark, so each row lands exactly once even across crashes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DuckDBTimestampValue, type DuckDBAppender } from '@duckdb/node-api';
import { lastRemapId, remapsAfter } from '../members/index.ts';
import { workspaceOfRange, type ColumnStore, type RowStore } from '../store/index.ts';

/**
 * SQLite only: a worker thread reads the log and writes CSV files that DuckDB loads itself, so the main thread only
 * issues the statements. (PostgreSQL, or no worker: rows are appended from the main thread.)
 */
export class CsvLogReader {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, (r: { rows: number; lastSeq: number; error?: string }) => void>();

  constructor(
    sqliteFile: string,
    private readonly tmpDir: string,
  ) {
    fs.mkdirSync(tmpDir, { recursive: true });
    this.worker = new Worker(new URL('./columnizer-worker.mjs', import.meta.url), { workerData: { file: sqliteFile } });
    this.worker.on('message', (m: { id: number; rows: number; lastSeq: number; error?: string }) => {
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
    this.worker.unref();
  }

  async read(afterSeq: number, limit: number): Promise<{ file: string; rows: number; lastSeq: number }> {
    const id = this.next++;
    const file = path.join(this.tmpDir, `columnize-${id % 2}.csv`);
    // Referenced only while a read is pending: an idle reader must not keep a finished CLI command alive.
    this.worker.ref();
    const reply = await new Promise<{ rows: number; lastSeq: number; error?: string }>((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, afterSeq, limit, file });
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    });
    if (reply.error) throw new Error(`columnizer reader: ${reply.error}`);
    return { file, rows: reply.rows, lastSeq: reply.lastSeq };
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

const CSV_COLUMNS = `{'seq': 'BIGINT', 'workspace_id': 'INTEGER', 'event_id': 'VARCHAR', 'type': 'VARCHAR', 'name': 'VARCHAR',
  'ts': 'BIGINT', 'received_at': 'BIGINT', 'platform': 'VARCHAR', 'member_id': 'BIGINT', 'identity_id': 'BIGINT',
  'target_member_id': 'BIGINT', 'target_identity_id': 'BIGINT', 'properties': 'VARCHAR'}`;

async function columnizeCsv(rows: RowStore, cols: ColumnStore, reader: CsvLogReader, maxRows: number): Promise<ColumnizeResult> {
  const wm = await readState(cols, EVENTS_WM);
  const remapWm = await readState(cols, REMAPS_WM);
  const batch = await reader.read(wm, maxRows);
  const remaps = await remapsAfter(rows, remapWm);
  if (batch.rows === 0 && remaps.length === 0) return { moved: 0, remaps: 0, watermark: wm };
  await cols.run('BEGIN TRANSACTION');
  try {
    if (batch.rows > 0) {
      await cols.run(
        `INSERT INTO events
         SELECT seq, workspace_id, event_id, type, name, make_timestamp(ts), make_timestamp(received_at), platform, member_id,
                identity_id, target_member_id, target_identity_id, properties
           FROM read_csv($1, header = false, auto_detect = false, quote = '"', escape = '"', columns = ${CSV_COLUMNS})
          WHERE seq > $2`,
        [batch.file, wm],
      );
    }
    await applyRemaps(cols, remaps);
    await cols.run(stateUpsert, [EVENTS_WM, batch.lastSeq]);
    if (remaps.length > 0) await cols.run(stateUpsert, [REMAPS_WM, remaps[remaps.length - 1]!.id]);
    await cols.run('COMMIT');
  } catch (err) {
    await cols.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return { moved: batch.rows, remaps: remaps.length, watermark: batch.lastSeq };
}

type Remap = { workspace_id: number; from_member_id: number; to_member_id: number; identity_id: number | null };

/**
 * Applies member remaps in order. Runs of whole-member remaps (merges) are composed into one mapping and applied
 * with one join per column: DuckDB has no index to make per-merge UPDATEs cheap. Identity remaps (splits) are rare
 * and applied one by one, in their place in the order.
 */
async function applyRemaps(cols: ColumnStore, remaps: readonly Remap[]): Promise<void> {
  // from → final target, and final target → the froms that map to it (to re-point them when the target moves on).
  let to = new Map<string, number>();
  let byTarget = new Map<string, string[]>();
  const flush = async () => {
    if (to.size === 0) return;
    const pairs: [number, number, number][] = [];
    for (const [key, target] of to) {
      const [ws, from] = key.split(':').map(Number) as [number, number];
      if (from !== target) pairs.push([ws, from, target]);
    }
    to = new Map();
    byTarget = new Map();
    if (pairs.length === 0) return;
    await cols.run('CREATE TEMP TABLE IF NOT EXISTS remap_map (ws INTEGER, from_id BIGINT, to_id BIGINT)');
    await cols.run('DELETE FROM remap_map');
    for (let i = 0; i < pairs.length; i += 1000) {
      const part = pairs.slice(i, i + 1000);
      await cols.run(`INSERT INTO remap_map VALUES ${part.map((_, j) => `($${3 * j + 1}, $${3 * j + 2}, $${3 * j + 3})`).join(', ')}`, part.flat());
    }
    await cols.run('UPDATE events SET member_id = m.to_id FROM remap_map m WHERE events.workspace_id = m.ws AND events.member_id = m.from_id');
    await cols.run('UPDATE events SET target_member_id = m.to_id FROM remap_map m WHERE events.workspace_id = m.ws AND events.target_member_id = m.from_id');
  };
  for (const m of remaps) {
    const ws = m.workspace_id;
    if (m.identity_id === null) {
      // Compose: whatever mapped to `from` now maps to `to`; `from` itself maps to `to`.
      const fromKey = `${ws}:${m.from_member_id}`;
      const toKey = `${ws}:${m.to_member_id}`;
      const moved = byTarget.get(fromKey) ?? [];
      byTarget.delete(fromKey);
      if (!to.has(fromKey)) moved.push(fromKey);
      for (const k of moved) to.set(k, m.to_member_id);
      byTarget.set(toKey, [...(byTarget.get(toKey) ?? []), ...moved]);
    } else {
      await flush();
      await cols.run('UPDATE events SET member_id = $1 WHERE workspace_id = $2 AND member_id = $3 AND identity_id = $4', [m.to_member_id, ws, m.from_member_id, m.identity_id]);
      await cols.run('UPDATE events SET target_member_id = $1 WHERE workspace_id = $2 AND target_member_id = $3 AND target_identity_id = $4', [m.to_member_id, ws, m.from_member_id, m.identity_id]);
    }
  }
  await flush();
}

const EVENTS_WM = 'events_seq';
const REMAPS_WM = 'member_remaps_id';

export interface ColumnizeResult {
  moved: number;
  remaps: number;
  watermark: number;
}

async function readState(cols: ColumnStore, name: string): Promise<number> {
  const r = await cols.queryWriter<{ value: bigint }>(`SELECT value FROM sheyun_state WHERE name = $1`, [name]);
  return r[0] ? Number(r[0].value) : 0;
}

const stateUpsert = `INSERT INTO sheyun_state (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value`;

/** The committed watermark, read on the analytic connection (never inside a pass's open transaction). */
export async function columnWatermark(cols: ColumnStore): Promise<number> {
  const r = await cols.query<{ value: bigint }>(`SELECT value FROM sheyun_state WHERE name = $1`, [EVENTS_WM]);
  return r[0] ? Number(r[0].value) : 0;
}

function appendNullable(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendBigInt(BigInt(v));
}

/** One pass: at most `maxRows` events and every pending remap. */
export async function columnizeOnce(rows: RowStore, cols: ColumnStore, maxRows = 50_000, reader?: CsvLogReader): Promise<ColumnizeResult> {
  return cols.exclusive(() => columnizePass(rows, cols, maxRows, reader));
}

async function columnizePass(rows: RowStore, cols: ColumnStore, maxRows: number, reader?: CsvLogReader): Promise<ColumnizeResult> {
  await rebuildReplayedWorkspaces(rows, cols);
  if (reader) return columnizeCsv(rows, cols, reader, maxRows);
  const wm = await readState(cols, EVENTS_WM);
  const remapWm = await readState(cols, REMAPS_WM);
  const batch = await rows.db
    .selectFrom('events')
    .select(['seq', 'workspace_id', 'event_id', 'type', 'name', 'ts', 'received_at', 'platform', 'member_id', 'identity_id', 'target_member_id', 'target_identity_id', 'properties'])
    .where('seq', '>', wm)
    .orderBy('seq')
    .limit(maxRows)
    .execute();
  const remaps = await remapsAfter(rows, remapWm);
  if (batch.length === 0 && remaps.length === 0) return { moved: 0, remaps: 0, watermark: wm };

  // Leftovers of a pass that crashed before its commit are discarded; the watermark says they were never moved.
  await cols.run('DELETE FROM events_staging');
  if (batch.length > 0) {
    const a = await cols.writer.createAppender('events_staging');
    for (const r of batch) {
      a.appendBigInt(BigInt(r.seq));
      a.appendInteger(r.workspace_id);
      a.appendVarchar(r.event_id);
      a.appendVarchar(r.type);
      a.appendVarchar(r.name);
      a.appendTimestamp(new DuckDBTimestampValue(BigInt(r.ts)));
      a.appendTimestamp(new DuckDBTimestampValue(BigInt(r.received_at)));
      a.appendVarchar(r.platform);
      appendNullable(a, r.member_id);
      appendNullable(a, r.identity_id);
      appendNullable(a, r.target_member_id);
      appendNullable(a, r.target_identity_id);
      a.appendVarchar(r.properties);
      a.endRow();
    }
    a.closeSync();
  }
  const newWm = batch.length > 0 ? batch[batch.length - 1]!.seq : wm;
  await cols.run('BEGIN TRANSACTION');
  try {
    await cols.run('INSERT INTO events SELECT * FROM events_staging WHERE seq > $1', [wm]);
    await applyRemaps(cols, remaps);
    await cols.run(stateUpsert, [EVENTS_WM, newWm]);
    if (remaps.length > 0) await cols.run(stateUpsert, [REMAPS_WM, remaps[remaps.length - 1]!.id]);
    await cols.run('COMMIT');
  } catch (err) {
    await cols.run('ROLLBACK').catch(() => undefined);
    throw err;
  }
  await cols.run('DELETE FROM events_staging');
  return { moved: batch.length, remaps: remaps.length, watermark: newWm };
}

/**
 * After an identity replay every member id of a workspace may change: re-read that workspace's member ids for the
 * rows already moved (in chunks, one transaction) and remember the generation.
 */
async function rebuildReplayedWorkspaces(rows: RowStore, cols: ColumnStore): Promise<void> {
  const workspaces = await rows.db.selectFrom('workspaces').select(['id', 'identity_generation']).execute();
  for (const w of workspaces) {
    const name = `identity_generation_${w.id}`;
    const seen = await readState(cols, name);
    if (seen === w.identity_generation) continue;
    const wm = await readState(cols, EVENTS_WM);
    await cols.run('CREATE TABLE IF NOT EXISTS remap_staging (seq BIGINT, member_id BIGINT, identity_id BIGINT, target_member_id BIGINT, target_identity_id BIGINT)');
    await cols.run('DELETE FROM remap_staging');
    let last = 0;
    for (;;) {
      const chunk = await rows.db
        .selectFrom('events')
        .select(['seq', 'member_id', 'identity_id', 'target_member_id', 'target_identity_id'])
        .where(workspaceOfRange, '=', w.id)
        .where('seq', '>', last)
        .where('seq', '<=', wm)
        .orderBy('seq')
        .limit(100_000)
        .execute();
      if (chunk.length === 0) break;
      const a = await cols.writer.createAppender('remap_staging');
      for (const r of chunk) {
        a.appendBigInt(BigInt(r.seq));
        appendNullable(a, r.member_id);
        appendNullable(a, r.identity_id);
        appendNullable(a, r.target_member_id);
        appendNullable(a, r.target_identity_id);
        a.endRow();
      }
      a.closeSync();
      last = chunk[chunk.length - 1]!.seq;
    }
    const lastRemap = await lastRemapId(rows);
    await cols.run('BEGIN TRANSACTION');
    await cols.run(
      `UPDATE events SET member_id = r.member_id, identity_id = r.identity_id, target_member_id = r.target_member_id, target_identity_id = r.target_identity_id
       FROM remap_staging r WHERE events.seq = r.seq AND events.workspace_id = $1`,
      [w.id],
    );
    await cols.run(stateUpsert, [name, w.identity_generation]);
    // Remaps queued before the replay are already reflected in the ids just copied.
    await cols.run(stateUpsert, [REMAPS_WM, Math.max(lastRemap, await readState(cols, REMAPS_WM))]);
    await cols.run('COMMIT');
    await cols.run('DELETE FROM remap_staging');
  }
}

/** Runs passes until caught up, then waits to be woken (after a commit) or for the interval. */
export class Columnizer {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stopped = false;
  private wake = false;
  lastError: unknown;

  constructor(
    private readonly rows: RowStore,
    private readonly cols: ColumnStore,
    private readonly opts: { intervalMs: number; batchRows: number; onError?: (err: unknown) => void; onPass?: (r: ColumnizeResult, ms: number) => void; reader?: CsvLogReader },
  ) {}

  start(): void {
    this.schedule(0);
  }

  /** Called after each ingest commit: an idle columnizer starts its next pass at once. */
  notify(): void {
    if (this.running) this.wake = true;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.loop(), ms);
  }

  private async loop(): Promise<void> {
    this.running = true;
    let moved = 0;
    try {
      const t0 = performance.now();
      const r = await columnizeOnce(this.rows, this.cols, this.opts.batchRows, this.opts.reader);
      moved = r.moved + r.remaps;
      if (moved > 0) this.opts.onPass?.(r, performance.now() - t0);
      this.lastError = undefined;
    } catch (err) {
      this.lastError = err;
      this.opts.onError?.(err);
    }
    this.running = false;
    const again = moved > 0 || this.wake;
    this.wake = false;
    this.schedule(again ? 0 : this.opts.intervalMs);
  }

  /** Waits for the current pass, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await new Promise((r) => setTimeout(r, 10));
    await this.opts.reader?.close();
  }

  /** Runs passes until nothing is left (CLI commands and tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const r = await columnizeOnce(this.rows, this.cols, this.opts.batchRows, this.opts.reader);
      total += r.moved;
      if (r.moved === 0 && r.remaps === 0) return total;
    }
  }
}
