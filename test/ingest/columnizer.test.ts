/** The columnizer moves every acknowledged row exactly once and keeps member ids in step with merges, splits and replays. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { memberPublicId } from '../../src/core/index.ts';
import { columnizeOnce, ingestMessages } from '../../src/ingest/index.ts';
import { mergeMembers, replayIdentities, unmergeIdentity } from '../../src/members/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { removeDir } from '../helpers/server.ts';
import { tempDir } from '../helpers/stores.ts';

let s: Sheyun;
let dir: string;
let ws: number;
beforeEach(async () => {
  dir = tempDir();
  s = await openSheyun(loadConfig({ dataDir: dir, logLevel: 'warn' }, {}), { columnStore: 'required' });
  ws = (await s.defaultWorkspace()).id;
});
afterEach(async () => {
  await s.close();
  removeDir(dir);
});

const ingest = (batch: unknown[]) => ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: 'app' }, batch);

/** (seq, member, target) of every row in both stores must agree. */
async function compareStores(): Promise<void> {
  const rows = await s.rows.db.selectFrom('events').select(['seq', 'member_id', 'target_member_id', 'event_id']).orderBy('seq').execute();
  const cols = await s.columns!.query<{ seq: bigint; member_id: bigint | null; target_member_id: bigint | null; event_id: string }>(
    'SELECT seq, member_id, target_member_id, event_id FROM events ORDER BY seq',
  );
  expect(cols.map((c) => [Number(c.seq), c.member_id === null ? null : Number(c.member_id), c.target_member_id === null ? null : Number(c.target_member_id), c.event_id])).toEqual(
    rows.map((r) => [r.seq, r.member_id, r.target_member_id, r.event_id]),
  );
}

it('moves rows in passes of bounded size, each exactly once, and restarts from its watermark', async () => {
  const batch = Array.from({ length: 1200 }, (_, i) => ({ type: 'track', userId: `u${i % 37}`, event: 'e', messageId: `c-${i}`, properties: { i } }));
  await ingest(batch);
  expect((await columnizeOnce(s.rows, s.columns!, 500)).moved).toBe(500);
  // A crash between appending to staging and committing leaves staging rows behind: they must not double.
  await s.columns!.run("INSERT INTO events_staging SELECT * FROM events LIMIT 3");
  expect((await columnizeOnce(s.rows, s.columns!, 500)).moved).toBe(500);
  expect((await columnizeOnce(s.rows, s.columns!, 500)).moved).toBe(200);
  expect((await columnizeOnce(s.rows, s.columns!, 500)).moved).toBe(0);
  const [n] = await s.columns!.query<{ n: bigint; d: bigint }>('SELECT count(*) AS n, count(DISTINCT seq) AS d FROM events');
  expect(n).toEqual({ n: 1200n, d: 1200n });
  const props = await s.columns!.query<{ i: bigint }>("SELECT sum(CAST(properties->>'i' AS INTEGER)) AS i FROM events");
  expect(props[0]!.i).toBe(BigInt((1199 * 1200) / 2));
  await compareStores();
});

it('carries any text through the worker CSV files unchanged (quotes, commas, newlines, Chinese, emoji)', async () => {
  const nasty = ['say "hi", ok', 'line1\nline2\r\nline3', '逗号，引号“”和表情😀', 'back\\slash\ttab', ''];
  await ingest(
    nasty.map((text, i) => ({
      type: 'track',
      userId: `csv-${i}`,
      event: text === '' ? 'empty' : text.slice(0, 40),
      platform: 'csv.test',
      messageId: `csv"${i},\n`,
      properties: { text, nested: { quote: '"', list: [text, 1, null, true] } },
    })),
  );
  expect(await s.columnizer!.drain()).toBe(nasty.length);
  const rows = await s.rows.db.selectFrom('events').select(['event_id', 'name', 'properties']).orderBy('seq').execute();
  const cols = await s.columns!.query<{ event_id: string; name: string; properties: string }>('SELECT event_id, name, CAST(properties AS VARCHAR) AS properties FROM events ORDER BY seq');
  expect(cols.map((c) => [c.event_id, c.name, JSON.parse(c.properties)])).toEqual(rows.map((r) => [r.event_id, r.name, JSON.parse(r.properties)]));
});

it('composes chains of merges made between two passes', async () => {
  await ingest(['x', 'y', 'z', 'w'].map((u, i) => ({ type: 'track', userId: u, event: 'e', messageId: `ch-${i}` })).concat([{ type: 'track', userId: 'w', event: 'liked', target: { userId: 'z' }, messageId: 'ch-t' }] as never));
  await s.columnizer!.drain();
  const id = async (u: string) => memberPublicId((await s.rows.db.selectFrom('identities').select('member_id').where('value', '=', u).executeTakeFirstOrThrow()).member_id);
  const ctx = { store: s.rows, now: s.clock.nowMicros() };
  // z → y, then y → x (z's events must follow to x), then w → x.
  await mergeMembers(ctx, ws, [await id('y'), await id('z')]);
  await mergeMembers(ctx, ws, [await id('x'), await id('y')]);
  await mergeMembers(ctx, ws, [await id('x'), await id('w')]);
  await s.columnizer!.drain();
  await compareStores();
  const members = await s.columns!.query<{ n: bigint }>('SELECT count(DISTINCT member_id) AS n FROM events WHERE member_id IS NOT NULL');
  expect(members[0]!.n).toBe(1n);
});

it('applies merges and splits made after the rows were moved', async () => {
  await ingest([
    { type: 'track', userId: 'a', event: 'e', messageId: 'm1' },
    { type: 'track', userId: 'b', event: 'e', messageId: 'm2' },
    { type: 'track', userId: 'c', event: 'liked', target: { userId: 'b' }, messageId: 'm3' },
  ]);
  await s.columnizer!.drain();
  const id = async (u: string) => (await s.rows.db.selectFrom('identities').select('member_id').where('value', '=', u).executeTakeFirstOrThrow()).member_id;
  const ctx = { store: s.rows, now: s.clock.nowMicros() };
  await mergeMembers(ctx, ws, [memberPublicId(await id('a')), memberPublicId(await id('b'))]);
  await s.columnizer!.drain();
  await compareStores();
  await unmergeIdentity(ctx, ws, memberPublicId(await id('a')), { platform: 'app', kind: 'user_id', value: 'b' });
  await ingest([{ type: 'track', userId: 'b', event: 'after', messageId: 'm4' }]);
  await s.columnizer!.drain();
  await compareStores();
  await replayIdentities(s.rows, ws, s.clock.nowMicros());
  await s.columnizer!.drain();
  await compareStores();
});
