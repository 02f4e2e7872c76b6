/** The Stack Exchange importer on small hand-made dumps: missing files, platform names, bounds, deleted and unknown members. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  planStackExchangeImport,
  readStackExchangeDump,
  SE_DELETED_USER,
  SE_UNKNOWN_OWNER,
  type SeWarning,
} from '../../src/ingest/importers/stackexchange/index.ts';
import { LIMITS, messageSchema, type IngestMessageInput } from '../../src/ingest/schema.ts';

const root = await mkdtemp(join(tmpdir(), 'sheyun-se-'));
afterAll(() => rm(root, { recursive: true, force: true }));

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xml = (tag: string, rows: Record<string, string>[]) =>
  `\ufeff<?xml version="1.0" encoding="utf-8"?>\n<${tag}>\n` +
  rows.map((r) => `  <row ${Object.entries(r).map(([k, v]) => `${k}="${esc(v)}"`).join(' ')} />\n`).join('') +
  `</${tag}>\n`;

async function dump(name: string, files: Record<string, Record<string, string>[]>): Promise<string> {
  const dir = join(root, name);
  await mkdir(dir, { recursive: true });
  for (const [file, rows] of Object.entries(files)) await writeFile(join(dir, `${file}.xml`), xml(file.toLowerCase(), rows));
  return dir;
}

async function read(dir: string, opts: Parameters<typeof readStackExchangeDump>[1] = {}): Promise<IngestMessageInput[]> {
  const out: IngestMessageInput[] = [];
  for await (const c of readStackExchangeDump(dir, opts)) out.push(...c.messages);
  return out;
}

const D = '2020-01-02T03:04:05.678';
const users = [{ Id: '7', Reputation: '10', CreationDate: D, DisplayName: 'Ann' }];

describe('dump files', () => {
  it('names the missing required file', async () => {
    const dir = await dump('no-posts', { Users: users });
    await expect(read(dir)).rejects.toThrow(/Posts\.xml/);
    await expect(planStackExchangeImport(dir)).rejects.toThrow(/Posts\.xml \(required\)/);
    const noUsers = await dump('no-users', { Posts: [] });
    await expect(read(noUsers)).rejects.toThrow(/Users\.xml/);
  });

  it('tolerates missing optional files and says which', async () => {
    const dir = await dump('minimal', { Users: users, Posts: [] });
    const warnings: SeWarning[] = [];
    const messages = await read(dir, { onWarning: (w) => warnings.push(w) });
    expect(messages.map((m) => m.type)).toEqual(['identify', 'track']);
    expect(warnings.map((w) => [w.code, w.file])).toEqual(
      ['PostHistory', 'Comments', 'Votes', 'Badges', 'PostLinks', 'Tags'].map((f) => ['missing_file', f]),
    );
    const plan = await planStackExchangeImport(dir, { countRows: true });
    expect(plan.files.map((f) => [f.file, f.rows])).toEqual([['Users', 1], ['Posts', 0]]);
    expect(plan.missing).toContain('PostHistory');
  });

  it('reports malformed XML with the file name', async () => {
    const dir = await dump('broken', { Users: users, Posts: [] });
    await writeFile(join(dir, 'Posts.xml'), '<posts><row Id="1" PostTypeId="1" </posts>');
    await expect(read(dir)).rejects.toThrow(/Posts\.xml/);
  });
});

describe('platform and message ids', () => {
  it('derives the platform from the directory name, sanitised', async () => {
    const dir = await dump('My Site (2021)', { Users: users, Posts: [] });
    const [identify] = await read(dir);
    expect(identify?.platform).toBe('stackexchange:My_Site_2021');
    expect(identify?.messageId).toBe('se:My_Site_2021:Users:7');
    expect(messageSchema.safeParse(identify).success).toBe(true);
  });

  it('keeps message ids when an explicit platform names the same site', async () => {
    const dir = await dump('cardano-copy', { Users: users, Posts: [] });
    const [identify] = await read(dir, { platform: 'stackexchange:cardano' });
    expect(identify?.messageId).toBe('se:cardano:Users:7');
    await expect(read(dir, { platform: 'bad platform!' })).rejects.toThrow(/platform/);
    await expect(read(dir, { startAt: { file: 'Nope', row: 0 } })).rejects.toThrow(/startAt/);
  });
});

describe('row mapping edge cases', () => {
  it('truncates long text to the schema bound without splitting a surrogate pair, and keeps the length', async () => {
    const body = 'x'.repeat(LIMITS.jsonStringLength - 1) + '😀' + 'y'.repeat(20_000);
    const dir = await dump('long', {
      Users: [{ ...users[0]!, AboutMe: body }],
      Posts: [{ Id: '1', PostTypeId: '1', CreationDate: D, OwnerUserId: '7', Body: body, Title: 't', Tags: '<a><b-c>' }],
    });
    const messages = await read(dir);
    for (const m of messages) expect(messageSchema.safeParse(m).success).toBe(true);
    const q = messages.find((m) => m.type === 'track' && m.event === 'question_posted');
    const p = q?.type === 'track' ? (q.properties ?? {}) : {};
    expect(p.body).toBe('x'.repeat(LIMITS.jsonStringLength - 1));
    expect(p.body_length).toBe(body.length);
    expect(p.body_truncated).toBe(true);
    expect(p.tags).toEqual(['a', 'b-c']);
    expect(q?.timestamp).toBe(`${D}Z`);
  });

  it('attributes deleted users by shown name, and hidden-actor events on missing posts to the unknown owner', async () => {
    const dir = await dump('deleted', {
      Users: users,
      Posts: [
        { Id: '1', PostTypeId: '1', CreationDate: D, OwnerDisplayName: 'user99', Body: '' },
        { Id: '2', PostTypeId: '2', ParentId: '1', CreationDate: D, OwnerUserId: '7', Body: '' },
        { Id: '3', PostTypeId: '2', ParentId: '1', CreationDate: D, Body: '' },
      ],
      Votes: [
        { Id: '1', PostId: '2', VoteTypeId: '1', CreationDate: D },
        { Id: '2', PostId: '404', VoteTypeId: '2', CreationDate: D },
        { Id: '3', PostId: '2', VoteTypeId: '5', UserId: '7', CreationDate: D },
        { Id: '4', PostId: '2', VoteTypeId: '99', CreationDate: D },
      ],
      Comments: [{ Id: '1', PostId: '2', Score: '0', Text: 'hi', CreationDate: D, UserId: '7' }],
    });
    const byId = new Map((await read(dir)).map((m) => [m.messageId, m]));
    const pick = (id: string) => {
      const m = byId.get(`se:deleted:${id}`);
      expect(messageSchema.safeParse(m).success).toBe(true);
      return m;
    };
    expect(pick('Posts:1')).toMatchObject({ event: 'question_posted', anonymousId: `${SE_DELETED_USER}:user99` });
    expect(pick('Posts:2')).toMatchObject({ event: 'answer_posted', userId: '7', target: { anonymousId: `${SE_DELETED_USER}:user99` } });
    expect(pick('Posts:3')).toMatchObject({ anonymousId: SE_DELETED_USER });
    expect(pick('Votes:1')).toMatchObject({ event: 'answer_accepted', anonymousId: `${SE_DELETED_USER}:user99`, target: { userId: '7' } });
    expect(pick('Votes:2')).toMatchObject({ event: 'post_upvoted', target: { anonymousId: SE_UNKNOWN_OWNER }, properties: { post_missing: true } });
    expect(pick('Votes:2')?.userId).toBeUndefined();
    // favouriting your own answer: actor only, no target
    expect(pick('Votes:3')).toMatchObject({ event: 'post_favorited', userId: '7' });
    expect(pick('Votes:3')?.target).toBeUndefined();
    expect(pick('Votes:4')).toMatchObject({ event: 'vote_cast', properties: { vote_type_id: 99 }, target: { userId: '7' } });
    // commenting on your own post: no target
    expect(pick('Comments:1')?.target).toBeUndefined();
  });

  it('skips and reports rows without an Id, counting them in the position', async () => {
    const dir = await dump('no-id', { Users: [{ Reputation: '1' }, ...users], Posts: [] });
    const warnings: SeWarning[] = [];
    const chunks = [];
    for await (const c of readStackExchangeDump(dir, { onWarning: (w) => warnings.push(w) })) chunks.push(c);
    expect(warnings.filter((w) => w.code === 'row_skipped').map((w) => w.row)).toEqual([0]);
    expect(chunks.map((c) => [c.file, c.row, c.messages.length])).toEqual([['Users', 2, 2]]);
  });
});
