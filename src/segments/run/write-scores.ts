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
import { CHANGE_COLUMNS, packComponents, pushScoreRow, SCORE_COLUMNS, SCORE_UPSERT_SUFFIX, tierChangeRows, type ScoreColumnsData } from './score-rows.mjs';

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
    workerData: { file: rows.sqliteFile, ws, rowsPerStatement: ROWS_PER_STATEMENT, membersPerTransaction: MEMBERS_PER_TRANSACTION },
  });
  const done = new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { ok: boolean; changes?: number; error?: string }) => (m.ok ? resolve(m.changes ?? 0) : reject(new Error(`member_scores writer: ${m.error}`))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`member_scores writer exited with code ${code}`)));
  });
  done.catch(() => undefined); // observed by write(); a cancelled run must not leave an unhandled rejection
  return {
    write(runId, columns, now) {
      worker.postMessage({ runId, now, columns });
      return done;
    },
    async cancel() {
      await worker.terminate();
    },
  };
}

async function writeInProcess(rows: RowStore, ws: number, runId: number, c: ScoreColumns, now: number): Promise<number> {
  const previous = await rows.db.selectFrom('member_scores').select(['member_id', 'lifecycle_tier', 'communication_tier']).where('workspace_id', '=', ws).orderBy('member_id').execute();
  const before = previous.map((p) => [Number(p.member_id), p.lifecycle_tier, p.communication_tier] as const);
  const changes = tierChangeRows(before, c, ws, runId, now);
  const packed = packComponents(c);
  for (let from = 0; from < c.n; from += MEMBERS_PER_TRANSACTION) {
    await withWriteTransaction(rows, async (trx) => {
      for (let start = from; start < Math.min(c.n, from + MEMBERS_PER_TRANSACTION); start += ROWS_PER_STATEMENT) {
        const end = Math.min(c.n, start + ROWS_PER_STATEMENT, from + MEMBERS_PER_TRANSACTION);
        const params: unknown[] = [];
        for (let i = start; i < end; i++) pushScoreRow(params, c, i, ws, runId, packed);
        await bulkInsertFlat(trx, rows.dialect, SCORES, params, end - start);
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
const d = (v: number): string => (Number.isNaN(v) ? '' : String(v));
const u = (v: number): string => (v === 0 ? '' : String(v));

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

/**
 * The member dimension in DuckDB: scores plus traits (from the copy `syncTraits` keeps). Written as a CSV file that
 * DuckDB loads on its own threads (row-by-row appends from JavaScript were the slowest step), swapped in one
 * transaction.
 */
export async function writeColumnScores(cols: ColumnStore, ws: number, c: ScoreColumns, computedAt: number): Promise<void> {
  const file = path.join(cols.tempDir, `member-scores-${ws}-${process.pid}.csv`);
  const fd = fs.openSync(file, 'w');
  try {
    let lines: string[] = [];
    for (let i = 0; i < c.n; i++) {
      const seg = c.rfmSegment[i];
      // Identifiers (segments, tiers) hold no commas or quotes; numbers are written as they are, NaN as empty (NULL).
      lines.push(
        `${c.memberId[i]},${d(c.recencyDays[i]!)},${d(c.frequency[i]!)},${d(c.monetary[i]!)},${u(c.r[i]!)},${u(c.f[i]!)},${u(c.m[i]!)},` +
          `${c.r[i] === 0 ? '' : `${c.r[i]}${c.f[i]}${c.m[i]}`},${seg ?? ''},${d(c.pAlive[i]!)},${d(c.expectedPurchases[i]!)},${d(c.clv[i]!)},` +
          `${d(c.relationship[i]!)},${d(c.value[i]!)},${d(c.potential[i]!)},${c.lifecycle[i]},${c.communication[i]}`,
      );
      if (lines.length === 20_000) {
        fs.writeSync(fd, lines.join('\n') + '\n');
        lines = [];
      }
    }
    if (lines.length > 0) fs.writeSync(fd, lines.join('\n') + '\n');
  } finally {
    fs.closeSync(fd);
  }
  try {
    await cols.exclusive(async () => {
      await cols.run('BEGIN TRANSACTION');
      try {
        await cols.run('DELETE FROM member_scores WHERE workspace_id = $1', [ws]);
        await cols.run(
          `INSERT INTO member_scores
           SELECT $2, c.member_id, make_timestamp($3::BIGINT), coalesce(t.traits, '{}'), recency_days, frequency, monetary, r_score, f_score, m_score,
                  rfm_code, rfm_segment, p_alive, expected_purchases, clv, relationship_density, value_density, potential_density, lifecycle_tier,
                  communication_tier
             FROM read_csv($1, header = false, auto_detect = false, quote = '"', escape = '"', columns = {
               'member_id': 'BIGINT', 'recency_days': 'DOUBLE', 'frequency': 'DOUBLE', 'monetary': 'DOUBLE', 'r_score': 'TINYINT',
               'f_score': 'TINYINT', 'm_score': 'TINYINT', 'rfm_code': 'VARCHAR', 'rfm_segment': 'VARCHAR', 'p_alive': 'DOUBLE',
               'expected_purchases': 'DOUBLE', 'clv': 'DOUBLE', 'relationship_density': 'DOUBLE', 'value_density': 'DOUBLE',
               'potential_density': 'DOUBLE', 'lifecycle_tier': 'VARCHAR', 'communication_tier': 'VARCHAR'}) c
             LEFT JOIN member_traits t ON t.workspace_id = $2 AND t.member_id = c.member_id`,
          [file, ws, computedAt],
        );
        await cols.run('COMMIT');
      } catch (err) {
        await cols.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    });
  } finally {
    fs.rmSync(file, { force: true });
  }
}
