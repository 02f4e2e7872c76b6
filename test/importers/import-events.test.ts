/** `import events FILE`: JSONL and CSV through the real pipeline and stores — rejections by line, resume, exactly once. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.ts';
import { importEventsFile, type EventsFileImportOptions, type ImportRejection } from '../../src/ingest/importers/file/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sheyun-import-events-'));
let s: Sheyun;
afterAll(async () => {
  await s?.close();
  fs.rmSync(root, { recursive: true, force: true });
});
beforeAll(async () => {
  s = await openSheyun(loadConfig({ dataDir: path.join(root, 'data'), logLevel: 'silent' }), { columnStore: 'optional' });
});

let workspaces = 0;
/** A fresh workspace per test: counts are exact and no test sees another's events. */
async function workspace(): Promise<number> {
  return (await s.workspaces.ensure(`w${++workspaces}`, 'UTC')).id;
}

function write(name: string, text: string | Buffer): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, text);
  return file;
}

async function run(workspaceId: number, file: string, opts: Partial<EventsFileImportOptions> = {}) {
  const rejections: ImportRejection[] = [];
  const result = await importEventsFile(s.ingest, { workspaceId, path: file, defaultPlatform: 'import', onRejection: (r) => rejections.push(r), ...opts });
  return { ...result, rejections };
}

async function storedEvents(workspaceId: number) {
  const rows = await s.rows.db.selectFrom('events').select(['event_id', 'name', 'type', 'properties', 'context', 'platform']).where('workspace_id', '=', workspaceId).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, properties: JSON.parse(r.properties) as Record<string, unknown> }));
}

const future = new Date(Date.now() + 10 * 86_400_000).toISOString();
const j = (v: unknown) => JSON.stringify(v);

const JSONL = [
  j({ type: 'track', userId: 'ann', event: 'post_created', messageId: 'm1', timestamp: '2024-03-01T10:00:00Z', properties: { words: 120 } }), // 1
  '', // 2: blank
  '{"type": "track", "userId": "bob", ', // 3: not JSON
  j({ type: 'identify', userId: 'bob', timestamp: '2024-03-01T11:00:00Z', traits: { name: 'Bob' } }), // 4: content id
  j({ type: 'track', event: 'liked', timestamp: '2024-03-01T12:00:00Z' }), // 5: no identity
  j({ type: 'track', userId: 'ann', event: 'liked', timestamp: future }), // 6: future
  '   ', // 7: blank
  j({ type: 'track', userId: 'cat', event: 'liked' }), // 8: neither messageId nor timestamp
  '[1, 2]', // 9: not an object
  j({ type: 'track', userId: 'cat', event: 'post_created', timestamp: '2024-03-02T09:00:00Z' }), // 10, no trailing newline
].join('\n');

describe('JSONL', () => {
  it('stores the good lines and names the bad ones by line', async () => {
    const ws = await workspace();
    const file = write('mixed.jsonl', JSONL);
    const r = await run(ws, file, { batchSize: 2 });
    expect(r.status).toBe('imported');
    expect(r.accepted).toBe(4);
    expect(r.rejected).toBe(4);
    expect(r.lastLine).toBe(10);
    expect(r.rejections.map((x) => [x.line, x.code, x.field])).toEqual([
      [3, 'invalid_json', undefined],
      [5, 'missing_identity', 'userId'],
      [6, 'timestamp_in_future', 'timestamp'],
      [9, 'invalid_type', undefined],
    ]);
    const events = await storedEvents(ws);
    expect(events.map((e) => e.name)).toEqual(['post_created', '$identify', 'liked', 'post_created']);
    expect(events[0]!.properties).toEqual({ words: 120 });
    expect(events.every((e) => e.platform === 'import')).toBe(true);
    // The line without messageId or timestamp got an id made of the file identity and its line.
    expect(events[2]!.event_id).toBe(`imp_${r.fileHash.slice(0, 24)}_8`);
  });

  it('imports nothing twice: a finished file is skipped, --force re-reads it as duplicates', async () => {
    const ws = await workspace();
    const file = write('again.jsonl', JSONL);
    await run(ws, file);
    const again = await run(ws, file);
    expect(again.status).toBe('already_imported');
    expect(again.accepted + again.duplicates + again.rejected).toBe(0);
    const forced = await run(ws, file, { force: true });
    expect(forced).toMatchObject({ status: 'imported', accepted: 0, duplicates: 4, rejected: 4 });
    expect(await storedEvents(ws)).toHaveLength(4);
    // A copy under another name has the same identity: it is the same import.
    expect((await run(ws, write('again-copy.jsonl', JSONL))).status).toBe('already_imported');
  });

  it('reads gzipped files and CRLF line ends', async () => {
    const ws = await workspace();
    const file = write('crlf.jsonl.gz', gzipSync(JSONL.replace(/\n/g, '\r\n') + '\r\n'));
    const r = await run(ws, file);
    expect(r).toMatchObject({ gzip: true, accepted: 4, rejected: 4, lastLine: 10 });
  });

  it('reports an over-long line without buffering it and goes on', async () => {
    const ws = await workspace();
    const long = j({ type: 'track', userId: 'ann', event: 'x', messageId: 'long', properties: { text: 'y'.repeat(5000) } });
    const file = write('long.jsonl', [j({ type: 'track', userId: 'a', event: 'e', messageId: 'l1' }), long, j({ type: 'track', userId: 'b', event: 'e', messageId: 'l3' })].join('\n') + '\n');
    const r = await run(ws, file, { maxLineBytes: 1000 });
    expect(r.accepted).toBe(2);
    expect(r.rejections.map((x) => [x.line, x.code])).toEqual([[2, 'line_too_long']]);
  });
});

describe('resume', () => {
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const ts = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
      // No messageIds at all: a third has timestamps (content ids), the rest neither (line ids).
      return i % 3 === 0 ? j({ type: 'track', userId: `u${i % 17}`, event: 'tick', timestamp: ts, properties: { i } }) : j({ type: 'track', userId: `u${i % 17}`, event: 'tock', properties: { i } });
    }).join('\n') + '\n';

  it('stops after N chunks and continues after the last committed line', async () => {
    const ws = await workspace();
    const file = write('resume.jsonl', lines(1000));
    const first = await run(ws, file, { batchSize: 100, maxChunks: 3 });
    expect(first).toMatchObject({ status: 'interrupted', lastLine: 300, accepted: 300 });

    const controller = new AbortController();
    const second = await run(ws, file, { batchSize: 100, signal: controller.signal, onProgress: (p) => p.line >= 500 && controller.abort() });
    expect(second).toMatchObject({ status: 'interrupted', resumedAfterLine: 300, lastLine: 500, accepted: 200, duplicates: 0 });

    const third = await run(ws, file, { batchSize: 100 });
    expect(third).toMatchObject({ status: 'imported', resumedAfterLine: 500, lastLine: 1000, accepted: 500, duplicates: 0 });
    const events = await storedEvents(ws);
    expect(events).toHaveLength(1000);
    expect(new Set(events.map((e) => e.properties['i'])).size).toBe(1000);
    expect((await run(ws, file)).status).toBe('already_imported');
  });

  it('stores nothing twice when the recorded position lags behind the commits (crash between the two)', async () => {
    const ws = await workspace();
    const file = write('lag.jsonl', lines(400));
    const first = await run(ws, file, { batchSize: 100, maxChunks: 3 });
    expect(first.lastLine).toBe(300);
    // As if the process died after committing lines 101–300 but before recording their position.
    await s.rows.db.updateTable('imports').set({ position: 100 }).where('workspace_id', '=', ws).where('file_hash', '=', first.fileHash).execute();
    const second = await run(ws, file, { batchSize: 100 });
    expect(second).toMatchObject({ status: 'imported', resumedAfterLine: 100, accepted: 100, duplicates: 200 });
    expect(await storedEvents(ws)).toHaveLength(400);
  });

  it('keeps what was committed before a fatal error and names the line', async () => {
    const ws = await workspace();
    const rows = ['type,userId,event,messageId', ...Array.from({ length: 50 }, (_, i) => `track,u${i},ok,f${i}`), 'track,"u50,broken,f50', ...Array.from({ length: 50 }, (_, i) => `track,v${i},lost,g${i}`)];
    const file = write('unclosed.csv', rows.join('\n') + '\n');
    const err = await run(ws, file, { batchSize: 20, maxLineBytes: 200 }).catch((e: unknown) => e);
    expect(String(err)).toMatch(/unclosed\.csv line 52: a record longer than 200 bytes starts here \(an unclosed quote\?\)/);
    expect((err as { details?: { accepted: number } }).details?.accepted).toBe(50);
    expect(await storedEvents(ws)).toHaveLength(50);
  });
});

describe('across read buffers (1 MiB)', () => {
  it('rejects a 2.5 MB line spanning buffers, and resumes mid-buffer exactly once', async () => {
    const ws = await workspace();
    const pad = 'p'.repeat(80);
    const line = (i: number) => j({ type: 'track', userId: `u${i % 13}`, event: 'e', properties: { i, pad } });
    const all = Array.from({ length: 30_000 }, (_, i) => (i === 9_999 ? j({ type: 'track', userId: 'x', event: 'huge', properties: { t: 'h'.repeat(2_500_000) } }) : line(i)));
    const file = write('buffers.jsonl', all.join('\n') + '\n');
    expect(fs.statSync(file).size).toBeGreaterThan(5_000_000);
    const first = await run(ws, file, { batchSize: 7_000, maxChunks: 2 });
    // A chunk holds 7,000 lines that are messages or bad lines: the second ends at line 14,000.
    expect(first).toMatchObject({ status: 'interrupted', lastLine: 14_000, accepted: 13_999 });
    expect(first.rejections.map((r) => [r.line, r.code])).toEqual([[10_000, 'line_too_long']]);
    const rest = await run(ws, file, { batchSize: 7_000 });
    expect(rest).toMatchObject({ status: 'imported', resumedAfterLine: 14_000, lastLine: 30_000, accepted: 16_000, duplicates: 0, rejected: 0 });
    const events = await storedEvents(ws);
    expect(events).toHaveLength(29_999);
    expect(new Set(events.map((e) => e.properties['i'])).size).toBe(29_999);
  });
});

describe('CSV', () => {
  it('builds nested, typed properties from dotted columns and names bad records by line', async () => {
    const ws = await workspace();
    const csv = [
      'type,userId,event,timestamp,messageId,properties.plan.name,properties.plan.seats,properties.amount,properties.paid,properties.zip,properties.note,context.ip,properties',
      'track,ann,subscribed,2024-05-01T08:00:00Z,c1,pro,5,12.50,true,007,,10.0.0.1,"{""source"": ""csv"", ""amount"": 1}"',
      'track,bob,subscribed,1714550400000,c2,free,,-3e2,FALSE,12345678901234567890,"two',
      'lines",,',
      ',cat,liked,2024-05-01T09:00:00Z,c3,,,,,,,,',
      'track,,liked,2024-05-01T09:30:00Z,c4,,,,,,,,',
      'track,dan,liked,2024-05-01T10:00:00Z,c5,,,,,,,,{not json}',
      '',
      'identify,eve,,2024-05-01T11:00:00Z,c6,,,,,,,,',
      'track,fay,liked,2024-05-01T12:00:00Z,c7,,,,,,,,,extra',
    ].join('\n');
    const r = await run(ws, write('typed.csv', csv), { batchSize: 3 });
    expect(r.rejections.map((x) => [x.line, x.code, x.field])).toEqual([
      [6, 'missing_identity', 'userId'],
      [7, 'invalid_json', 'properties'],
      [10, 'invalid_csv', undefined],
    ]);
    expect(r.accepted).toBe(4);
    const events = await storedEvents(ws);
    const by = new Map(events.map((e) => [e.event_id, e]));
    expect(by.get('c1')!.properties).toEqual({ source: 'csv', amount: 12.5, plan: { name: 'pro', seats: 5 }, paid: true, zip: '007' });
    expect(JSON.parse(by.get('c1')!.context!)).toEqual({ ip: '10.0.0.1' });
    expect(by.get('c2')!.properties).toEqual({ plan: { name: 'free' }, amount: -300, paid: false, zip: '12345678901234567890', note: 'two\nlines' });
    expect(by.get('c3')).toMatchObject({ type: 'track', name: 'liked' }); // empty type → track
    expect(by.get('c6')).toMatchObject({ type: 'identify', name: '$identify' });
  });

  it('fails on an unknown column before importing anything', async () => {
    const ws = await workspace();
    const file = write('unknown.csv', 'type,userid,event\ntrack,ann,liked\n');
    await expect(run(ws, file)).rejects.toThrow(/unknown column "userid" \(column 2\)/);
    expect(await storedEvents(ws)).toHaveLength(0);
  });

  it('resumes a CSV by line', async () => {
    const ws = await workspace();
    const body = ['userId,event,timestamp', ...Array.from({ length: 95 }, (_, i) => `u${i},e,2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z`)].join('\n');
    const file = write('resume.csv', body);
    const first = await run(ws, file, { batchSize: 10, maxChunks: 2 });
    expect(first).toMatchObject({ status: 'interrupted', lastLine: 21, accepted: 20 });
    const rest = await run(ws, file, { batchSize: 10 });
    expect(rest).toMatchObject({ status: 'imported', resumedAfterLine: 21, accepted: 75, duplicates: 0, lastLine: 96 });
  });
});

describe('column store and CLI', () => {
  it('the column store has every stored event after a drain', async () => {
    const ws = await workspace();
    await run(ws, write('columns.jsonl', JSONL));
    expect(s.columnizer).toBeDefined();
    await s.columnizer!.drain();
    const [row] = await s.columns!.query<{ n: bigint }>('SELECT count(*) AS n FROM events WHERE workspace_id = $1', [ws]);
    expect(Number(row!.n)).toBe(4);
  });

  it('`sheyun import events FILE --json` prints one JSON object and exits 0 despite rejected lines', async () => {
    const file = write('cli.jsonl', JSONL);
    const data = path.join(root, 'cli-data');
    const rejects = path.join(root, 'cli-rejects.jsonl');
    const exec = promisify(execFile);
    const { stdout, stderr } = await exec(process.execPath, ['bin/sheyun.mjs', 'import', 'events', file, '--data', data, '--json', '--rejects', rejects], { cwd: repoRoot });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ command: 'import events', status: 'imported', accepted: 4, rejected: 4, duplicates: 0, columnStore: { copied: 4 } });
    expect(stderr).toContain('line 3: invalid_json: not valid JSON');
    expect(stderr).toContain('line 5: missing_identity userId: ');
    expect(fs.readFileSync(rejects, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as ImportRejection).line)).toEqual([3, 5, 6, 9]);

    const again = await exec(process.execPath, ['bin/sheyun.mjs', 'import', 'events', file, '--data', data], { cwd: repoRoot });
    expect(again.stdout).toMatch(/already imported/);

    const missing = await exec(process.execPath, ['bin/sheyun.mjs', 'import', 'events', path.join(root, 'nope.jsonl'), '--data', data], { cwd: repoRoot }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toMatch(/file not found: .*nope\.jsonl/);
  });
});
