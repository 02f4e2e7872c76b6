// Worker thread that writes a scoring run's member_scores rows into SQLite on its own connection, in short upsert
// transactions, while the main thread loads the column store and keeps serving requests. It starts with the run and
// reads the previous run's tiers while the main thread is still computing the scores. SQLite's INSERT OR REPLACE is
// the cheaper upsert here: the table has no triggers or other constraints, so it means the same as ON CONFLICT.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { CHANGE_COLUMNS, codedRowSql, fromMessage, packComponents, pushScoreRow, readPreviousTiers, SCORE_COLUMNS, tierChangeRows } from './score-rows.mjs';

const { file, ws, rowsPerStatement, membersPerTransaction, lifecycleTiers, communicationTiers } = workerData;
const fail = (err) => parentPort.postMessage({ ok: false, error: String(err && err.stack ? err.stack : err) });

let db;
let before;
try {
  db = new SQLite(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  // The upserts commit without waiting for the disk; the last transaction (FULL, below) syncs the log, and with it
  // every earlier one. A crash in between leaves some members with the previous run's whole row: the run is redone.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('cache_size = -262144');
  // No checkpoints while the rows go in: the run's ~250 MB of pages are copied into the database file once, after
  // the run is reported done (below), instead of every 40 MB on the way (0.6–0.8 s less per million members).
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('mmap_size = 4294967296');
  before = readPreviousTiers(db, ws, lifecycleTiers, communicationTiers);
} catch (err) {
  fail(err);
}

function inTransaction(work) {
  db.exec('BEGIN IMMEDIATE');
  try {
    work();
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}

function write({ runId, now, columns }) {
  const c = fromMessage(columns);
  const one = codedRowSql(columns);
  const statements = new Map();
  const statement = (rows) => {
    let st = statements.get(rows);
    if (!st) statements.set(rows, (st = db.prepare(`INSERT OR REPLACE INTO member_scores (${SCORE_COLUMNS.join(', ')}) VALUES ${Array(rows).fill(one).join(',')}`)));
    return st;
  };
  const changes = tierChangeRows(before, c, ws, runId, now);
  const packed = packComponents(c);
  for (let from = 0; from < c.n; from += membersPerTransaction) {
    const to = Math.min(c.n, from + membersPerTransaction);
    inTransaction(() => {
      for (let start = from; start < to; start += rowsPerStatement) {
        const end = Math.min(to, start + rowsPerStatement);
        const params = [];
        for (let i = start; i < end; i++) pushScoreRow(params, c, i, ws, runId, packed, columns);
        statement(end - start).run(params);
      }
    });
  }
  // Members scored before and not now (merged away) go; the changes are recorded with them, in one transaction.
  db.pragma('synchronous = FULL');
  const changeRow = `(${CHANGE_COLUMNS.map(() => '?').join(',')})`;
  inTransaction(() => {
    db.prepare('DELETE FROM member_scores WHERE workspace_id = ? AND run_id <> ?').run(ws, runId);
    for (let i = 0; i < changes.length; i += 500) {
      const part = changes.slice(i, i + 500);
      db.prepare(`INSERT INTO membership_changes (${CHANGE_COLUMNS.join(', ')}) VALUES ${part.map(() => changeRow).join(',')}`).run(part.flat());
    }
  });
  return changes.length;
}

parentPort.once('message', (job) => {
  if (!db) return;
  try {
    const changes = write(job);
    parentPort.postMessage({ ok: true, changes });
  } catch (err) {
    fail(err);
    db.close();
    return;
  }
  // Everything is committed and synced; copying the log into the database file is maintenance. PASSIVE: it never
  // waits for readers or writers, and a commit on the main connection meanwhile skips its own checkpoint (busy).
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // The run is done either way: the main connection's next automatic checkpoint copies the log.
  }
  db.close();
});
