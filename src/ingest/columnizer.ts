/**
 * The columnizer: copies ingest-log rows past its watermark from the row store into the column store, then applies
 * queued member remaps (merges/splits). Rows are appended to a staging table, then moved into `events` in one
 * column-store transaction together with the new watermark, so each row lands exactly once even across crashes.
 */
import { DuckDBTimestampValue, type DuckDBAppender } from '@duckdb/node-api';
import type { ColumnStore, RowStore } from '../store/index.ts';

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
export async function columnizeOnce(rows: RowStore, cols: ColumnStore, maxRows = 50_000): Promise<ColumnizeResult> {
  await rebuildReplayedWorkspaces(rows, cols);
  const wm = await readState(cols, EVENTS_WM);
  const remapWm = await readState(cols, REMAPS_WM);
  const batch = await rows.db
    .selectFrom('events')
    .select(['seq', 'workspace_id', 'event_id', 'type', 'name', 'ts', 'received_at', 'platform', 'member_id', 'identity_id', 'target_member_id', 'target_identity_id', 'properties'])
    .where('seq', '>', wm)
    .orderBy('seq')
    .limit(maxRows)
    .execute();
  const remaps = await rows.db.selectFrom('member_remaps').selectAll().where('id', '>', remapWm).orderBy('id').execute();
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
    for (const m of remaps) {
      const ws = m.workspace_id;
      if (m.identity_id === null) {
        await cols.run('UPDATE events SET member_id = $1 WHERE workspace_id = $2 AND member_id = $3', [m.to_member_id, ws, m.from_member_id]);
        await cols.run('UPDATE events SET target_member_id = $1 WHERE workspace_id = $2 AND target_member_id = $3', [m.to_member_id, ws, m.from_member_id]);
      } else {
        await cols.run('UPDATE events SET member_id = $1 WHERE workspace_id = $2 AND member_id = $3 AND identity_id = $4', [m.to_member_id, ws, m.from_member_id, m.identity_id]);
        await cols.run('UPDATE events SET target_member_id = $1 WHERE workspace_id = $2 AND target_member_id = $3 AND target_identity_id = $4', [m.to_member_id, ws, m.from_member_id, m.identity_id]);
      }
    }
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
        .where('workspace_id', '=', w.id)
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
    const lastRemap = await rows.db.selectFrom('member_remaps').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    await cols.run('BEGIN TRANSACTION');
    await cols.run(
      `UPDATE events SET member_id = r.member_id, identity_id = r.identity_id, target_member_id = r.target_member_id, target_identity_id = r.target_identity_id
       FROM remap_staging r WHERE events.seq = r.seq AND events.workspace_id = $1`,
      [w.id],
    );
    await cols.run(stateUpsert, [name, w.identity_generation]);
    // Remaps queued before the replay are already reflected in the ids just copied.
    await cols.run(stateUpsert, [REMAPS_WM, Math.max(Number(lastRemap?.m ?? 0), await readState(cols, REMAPS_WM))]);
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
    private readonly opts: { intervalMs: number; batchRows: number; onError?: (err: unknown) => void },
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
      const r = await columnizeOnce(this.rows, this.cols, this.opts.batchRows);
      moved = r.moved + r.remaps;
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
  }

  /** Runs passes until nothing is left (CLI commands and tests). */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const r = await columnizeOnce(this.rows, this.cols, this.opts.batchRows);
      total += r.moved;
      if (r.moved === 0 && r.remaps === 0) return total;
    }
  }
}
