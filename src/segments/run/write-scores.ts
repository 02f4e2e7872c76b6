/**
 * Writes one scoring run's results: the row store gets each member's latest scores (for reads of one member) and a
 * change row for every tier a member entered or left; the column store gets the member dimension for analytics.
 * Both are replaced as a whole per workspace, each in one transaction. Results stay in columns until written, a
 * few hundred rows at a time: a million row objects cost more in garbage collection than the writes themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { bulkInsert, bulkInsertFlat, withWriteTransaction, type BulkStatement, type ColumnStore, type RowStore } from '../../store/index.ts';
import { RFM_SEGMENTS } from '../../models/index.ts';
import { COMMUNICATION_TIERS } from '../tiers/communication.ts';
import { LIFECYCLE_TIERS } from '../tiers/lifecycle.ts';
import { CHANGE_COLUMNS, packComponents, pushScoreRow, SCORE_COLUMNS, SCORE_UPSERT_SUFFIX, tierChangeRows, toMessage, type ScoreColumnsData } from './score-rows.mjs';

export type ScoreColumns = ScoreColumnsData;

const SCORES: BulkStatement = { name: 'member_scores', table: 'member_scores', columns: SCORE_COLUMNS, suffix: SCORE_UPSERT_SUFFIX };
const CHANGES: BulkStatement = { name: 'membership_changes', table: 'membership_changes', columns: CHANGE_COLUMNS };
// 20 columns: 400 rows stay under PostgreSQL's 65,535 bound parameters and SQLite's 32,766.
const ROWS_PER_STATEMENT = 400;

/** Members per write transaction: each holds the row store's write lock for a fraction of a second, so ingest goes on. */
const MEMBERS_PER_TRANSACTION = 20_000;

export interface RowWriter {
  /**
   * Upserts the workspace's scores in short transactions, then, with the tier changes against the previous run,
   * removes members no longer scored (merged away). Readers may see some members from the new run and some from the
   * previous one for a moment; each member's row is always whole. Returns how many tier changes were recorded.
   */
  write(runId: number, columns: ScoreColumns, now: number): Promise<number>;
  /** Gives up (the run failed before writing). */
  cancel(): Promise<void>;
}

/**
 * Starts the row-store writer of a run. SQLite: a worker thread with its own connection, started now so that it
 * reads the previous tiers while this thread computes, and later writes while this thread loads the column store.
 * PostgreSQL: in this process, through the pool.
 */
export function startRowWriter(rows: RowStore, ws: number): RowWriter {
  if (!rows.sqliteFile) return { write: (runId, c, now) => writeInProcess(rows, ws, runId, c, now), cancel: async () => {} };
  const worker = new Worker(new URL('./score-writer-worker.mjs', import.meta.url), {
    workerData: {
      file: rows.sqliteFile,
      ws,
      rowsPerStatement: ROWS_PER_STATEMENT,
      membersPerTransaction: MEMBERS_PER_TRANSACTION,
      lifecycleTiers: LIFECYCLE_TIERS,
      communicationTiers: COMMUNICATION_TIERS,
    },
  });
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; changes?: number; error?: string }) => (m.ok ? resolve(m.changes ?? 0) : reject(new Error(`member_scores writer: ${m.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`member_scores writer exited with code ${code}`)));
  });
  done.catch(() => undefined); // observed by write(); a cancelled run must not leave an unhandled rejection
  return {
    write(runId, columns, now) {
      worker.postMessage({ runId, now, columns: toMessage(columns) });
      return done;
    },
    async cancel() {
      await worker.terminate();
    },
  };
}

async function writeInProcess(rows: RowStore, ws: number, runId: number, c: ScoreColumns, now: number): Promise<number> {
  const previous = await rows.db.selectFrom('member_scores').select(['member_id', 'lifecycle_tier', 'communication_tier']).where('workspace_id', '=', ws).orderBy('member_id').execute();
  const before = {
    memberId: Float64Array.from(previous, (p) => Number(p.member_id)),
    lifecycle: previous.map((p) => p.lifecycle_tier),
    communication: previous.map((p) => p.communication_tier),
  };
  const changes = tierChangeRows(before, c, ws, runId, now);
  const packed = packComponents(c);
  for (let from = 0; from < c.n; from += MEMBERS_PER_TRANSACTION) {
    await withWriteTransaction(rows, async (trx) => {
      for (let start = from; start < Math.min(c.n, from + MEMBERS_PER_TRANSACTION); start += ROWS_PER_STATEMENT) {
        const end = Math.min(c.n, start + ROWS_PER_STATEMENT, from + MEMBERS_PER_TRANSACTION);
        const params: unknown[] = [];
        for (let i = start; i < end; i++) pushScoreRow(params, c, i, ws, runId, packed);
        await bulkInsertFlat(trx, rows.dialect, SCORES, params, end - start, ROWS_PER_STATEMENT);
      }
    });
  }
  await withWriteTransaction(rows, async (trx) => {
    await trx.deleteFrom('member_scores').where('workspace_id', '=', ws).where('run_id', '<>', runId).execute();
    await bulkInsert(trx, rows.dialect, CHANGES, changes);
  });
  return changes.length;
}

const cell = (v: string): string => `"${v.replaceAll('"', '""')}"`;

/** The traits watermark of a workspace in the column store's state table. */
const traitsMark = (ws: number) => `traits_wm_${ws}`;

/**
 * Brings the column store's copy of traits up to date: members whose traits changed after the last sync. The new
 * mark stays five minutes behind the clock, so a transaction that stamped its change earlier but committed later
 * is still picked up next time (re-copying a member is harmless).
 */
export async function syncTraits(cols: ColumnStore, ws: number, changedSince: (since: number) => Promise<{ id: number; traits: string; changedAt: number }[]>, now: number): Promise<number> {
  const mark = await cols.query<{ value: bigint }>('SELECT value FROM sheyun_state WHERE name = $1', [traitsMark(ws)]);
  const since = mark[0] ? Number(mark[0].value) : -1;
  const changed = await changedSince(since);
  if (changed.length === 0) return 0;
  const file = path.join(cols.tempDir, `member-traits-${ws}-${process.pid}.csv`);
  fs.writeFileSync(file, changed.map((m) => `${m.id},${cell(m.traits)}`).join('\n') + '\n');
  let newest = since;
  for (const m of changed) if (m.changedAt > newest) newest = m.changedAt;
  const next = Math.min(newest, now - 300_000_000);
  try {
    await cols.exclusive(async () => {
      await cols.run('BEGIN TRANSACTION');
      try {
        await cols.run(`CREATE OR REPLACE TEMP TABLE traits_batch AS SELECT * FROM read_csv($1, header = false, auto_detect = false, quote = '"', escape = '"', columns = {'member_id': 'BIGINT', 'traits': 'VARCHAR'})`, [file]);
        await cols.run(since < 0 ? 'DELETE FROM member_traits WHERE workspace_id = $1' : 'DELETE FROM member_traits WHERE workspace_id = $1 AND member_id IN (SELECT member_id FROM traits_batch)', [ws]);
        await cols.run('INSERT INTO member_traits SELECT $1, member_id, traits FROM traits_batch', [ws]);
        await cols.run('INSERT INTO sheyun_state VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [traitsMark(ws), Math.max(next, since)]);
        await cols.run('COMMIT');
      } catch (err) {
        await cols.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
      await cols.run('DROP TABLE IF EXISTS traits_batch');
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
  return changed.length;
}

/** Codes of the text columns, as positions in these lists (DuckDB lists are 1-based, hence the `+ 1` below). */
function codes(values: readonly (string | null)[], names: readonly string[]): Float64Array {
  const at = new Map<string, number>(names.map((n, i) => [n, i]));
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === null || v === undefined ? NaN : (at.get(v) ?? NaN);
  }
  return out;
}
function scoreOrNaN(a: Uint8Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] === 0 ? NaN : a[i]!;
  return out;
}
const list = (names: readonly string[]) => `[${names.map((n) => `'${n}'`).join(', ')}]`;
const num = (c: string) => `nullif(${c}, 'NaN'::DOUBLE)`;

/**
 * The member dimension in DuckDB: scores plus traits (from the copy `syncTraits` keeps). The columns go in as whole
 * vectors through DuckDB's appender (text columns as codes), and the table is swapped in one transaction. A CSV file
 * had cost 3 s of string formatting on this thread, row-by-row appends far more.
 */
export async function writeColumnScores(cols: ColumnStore, ws: number, c: ScoreColumns, computedAt: number): Promise<void> {
  const columns: Record<string, Float64Array> = {
    member_id: c.memberId,
    recency_days: c.recencyDays,
    frequency: c.frequency,
    monetary: c.monetary,
    r: scoreOrNaN(c.r),
    f: scoreOrNaN(c.f),
    m: scoreOrNaN(c.m),
    rfm_segment: codes(c.rfmSegment, RFM_SEGMENTS),
    p_alive: c.pAlive,
    expected_purchases: c.expectedPurchases,
    clv: c.clv,
    relationship: c.relationship,
    value: c.value,
    potential: c.potential,
    lifecycle: codes(c.lifecycle, LIFECYCLE_TIERS),
    communication: codes(c.communication, COMMUNICATION_TIERS),
  };
  await cols.exclusive(async () => {
    await cols.loadDoubles('scores_batch', columns);
    await cols.run('BEGIN TRANSACTION');
    try {
      await cols.run('DELETE FROM member_scores WHERE workspace_id = $1', [ws]);
      await cols.run(
        `INSERT INTO member_scores
         SELECT $1, b.member_id::BIGINT, make_timestamp($2::BIGINT), coalesce(t.traits, '{}'), ${num('recency_days')},
                ${num('frequency')}::BIGINT, ${num('monetary')}::BIGINT, ${num('r')}::TINYINT, ${num('f')}::TINYINT, ${num('m')}::TINYINT,
                ${num('r')}::INTEGER::VARCHAR || ${num('f')}::INTEGER::VARCHAR || ${num('m')}::INTEGER::VARCHAR,
                ${list(RFM_SEGMENTS)}[${num('rfm_segment')}::INTEGER + 1], ${num('p_alive')}, ${num('expected_purchases')}, ${num('clv')},
                ${num('relationship')}, ${num('value')}, ${num('potential')},
                ${list(LIFECYCLE_TIERS)}[lifecycle::INTEGER + 1], ${list(COMMUNICATION_TIERS)}[communication::INTEGER + 1]
           FROM scores_batch b
           LEFT JOIN member_traits t ON t.workspace_id = $1 AND t.member_id = b.member_id::BIGINT`,
        [ws, computedAt],
      );
      await cols.run('COMMIT');
    } catch (err) {
      await cols.run('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await cols.run('DROP TABLE IF EXISTS scores_batch');
    }
  });
}
