// Worker thread of the columnizer (SQLite row store): reads ingest-log rows past a sequence number on its own
// read-only connection and writes them as a CSV file that DuckDB loads on its own threads, keeping the row-by-row
// work off the main thread, which serves ingest. Plain JavaScript: worker threads do not inherit the tsx loader.
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const db = new SQLite(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
const select = db
  .prepare(
    `SELECT seq, workspace_id, event_id, type, name, ts, received_at, platform, member_id, identity_id,
            target_member_id, target_identity_id, properties
       FROM events WHERE seq > ? ORDER BY seq LIMIT ?`,
  )
  .raw(true);

const cell = (v) => (v === null ? '' : typeof v === 'string' ? '"' + v.replaceAll('"', '""') + '"' : String(v));

parentPort.on('message', (req) => {
  try {
    const rows = select.all(req.afterSeq, req.limit);
    let text = '';
    const parts = [];
    for (const r of rows) parts.push(r.map(cell).join(','));
    text = parts.length ? parts.join('\n') + '\n' : '';
    fs.writeFileSync(req.file, text);
    const last = rows[rows.length - 1];
    parentPort.postMessage({ id: req.id, rows: rows.length, lastSeq: last ? Number(last[0]) : req.afterSeq });
  } catch (err) {
    parentPort.postMessage({ id: req.id, rows: 0, lastSeq: req.afterSeq, error: String(err) });
  }
});
