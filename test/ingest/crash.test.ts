/**
 * Durability: SIGKILL the server in the middle of a stream of acknowledged batches; after a restart every
 * acknowledged event is in the row store and, once the columnizer has caught up, in the column store, each once.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, expect, it } from 'vitest';
import { authHeaders, removeDir, startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer | undefined;
const dirs: string[] = [];
afterAll(async () => {
  await server?.stop();
  for (const d of dirs) removeDir(d);
});

async function sendBatch(s: TestServer, n: number, size: number): Promise<string[] | undefined> {
  const ids = Array.from({ length: size }, (_, i) => `crash-${n}-${i}`);
  const batch = ids.map((id, i) => ({ type: 'track', userId: `user-${(n * 7 + i) % 500}`, event: 'stress', messageId: id, properties: { n, i } }));
  try {
    const r = await fetch(s.url + '/v1/batch', { method: 'POST', headers: authHeaders(s.writeKey), body: JSON.stringify({ batch }) });
    if (r.status !== 200) return undefined;
    const body = (await r.json()) as { accepted: number; duplicates: number };
    return body.accepted + body.duplicates === size ? ids : undefined;
  } catch {
    return undefined; // the connection died with the server: not acknowledged
  }
}

it('keeps every acknowledged event exactly once across a SIGKILL', async () => {
  server = await startServer();
  dirs.push(server.dataDir);
  const acked: string[] = [];
  let n = 0;
  let killed = false;
  const clients = [0, 1, 2, 3].map(async () => {
    while (!killed) {
      const ids = await sendBatch(server!, n++, 250);
      if (ids) acked.push(...ids);
    }
  });
  // Kill while batches are in flight, after a good number were acknowledged.
  while (acked.length < 20_000) await new Promise((r) => setTimeout(r, 20));
  server.kill();
  killed = true;
  await Promise.all(clients);
  if (server.process.exitCode === null && server.process.signalCode === null) await new Promise((r) => server!.process.once('exit', r));
  expect(acked.length).toBeGreaterThanOrEqual(20_000);

  server = await startServer({ dataDir: server.dataDir });
  // The restarted columnizer catches up: wait until the overview reports no lag.
  for (let i = 0; i < 200; i++) {
    const o = (await (await fetch(server.url + '/v1/stats/overview', { headers: authHeaders(server.adminKey) })).json()) as { columnizerLag: number };
    if (o.columnizerLag === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();

  const rows = new Database(path.join(server.dataDir, 'rows.sqlite'), { readonly: true });
  const rowIds = new Map<string, number>();
  for (const r of rows.prepare("SELECT event_id, count(*) AS n FROM events WHERE name = 'stress' GROUP BY event_id").all() as { event_id: string; n: number }[]) rowIds.set(r.event_id, r.n);
  rows.close();
  const duck = await DuckDBInstance.create(path.join(server.dataDir, 'events.duckdb'));
  const conn = await duck.connect();
  const colRows = (await conn.runAndReadAll("SELECT event_id, count(*) AS n FROM events WHERE name = 'stress' GROUP BY event_id")).getRowObjectsJS() as { event_id: string; n: bigint }[];
  conn.closeSync();
  duck.closeSync();
  const colIds = new Map(colRows.map((r) => [r.event_id, Number(r.n)]));

  const missingRow = acked.filter((id) => rowIds.get(id) !== 1);
  const missingCol = acked.filter((id) => colIds.get(id) !== 1);
  expect(missingRow).toEqual([]);
  expect(missingCol).toEqual([]);
  // No row anywhere twice, and the two stores hold the same rows (including unacknowledged ones that did commit).
  expect([...rowIds.values()].every((v) => v === 1)).toBe(true);
  expect([...colIds.values()].every((v) => v === 1)).toBe(true);
  expect(colIds.size).toBe(rowIds.size);
}, 180_000);
