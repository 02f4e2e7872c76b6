// Worker thread that writes a scoring run's member_scores rows into SQLite on its own connection, in short upsert
// transactions, while the main thread loads the column store and keeps serving requests.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { packComponents, pushScoreRow, SCORE_COLUMNS, SCORE_UPSERT_SUFFIX } from './score-rows.mjs';

const { file, ws, runId, columns: c, rowsPerStatement, membersPerTransaction } = workerData;
try {
  const db = new SQLite(file, { fileMustExist: true });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  const one = `(${SCORE_COLUMNS.map(() => '?').join(',')})`;
  const statements = new Map();
  const statement = (rows) => {
    let st = statements.get(rows);
    if (!st) statements.set(rows, (st = db.prepare(`INSERT INTO member_scores (${SCORE_COLUMNS.join(', ')}) VALUES ${Array(rows).fill(one).join(',')} ${SCORE_UPSERT_SUFFIX}`)));
    return st;
  };
  const packed = packComponents(c);
  for (let from = 0; from < c.n; from += membersPerTransaction) {
    const to = Math.min(c.n, from + membersPerTransaction);
    db.exec('BEGIN IMMEDIATE');
    try {
      for (let start = from; start < to; start += rowsPerStatement) {
        const end = Math.min(to, start + rowsPerStatement);
        const params = [];
        for (let i = start; i < end; i++) pushScoreRow(params, c, i, ws, runId, packed);
        statement(end - start).run(params);
      }
      db.exec('COMMIT');
    } catch (err) {
      db.exec('ROLLBACK');
      throw err;
    }
  }
  db.close();
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, error: String(err && err.stack ? err.stack : err) });
}
