/**
 * `import stackexchange DIR` on the two real dumps: event counts per name equal the XML row counts (an independent
 * regex oracle, se-reference.ts), members equal the distinct users plus the documented synthetic members, a second
 * import adds nothing, an interrupted import resumes exactly, and the column store matches after a drain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workspaceStatus } from '../../src/analytics/index.ts';
import { loadConfig } from '../../src/config/index.ts';
import { importStackExchangeDump, type SeImportOptions } from '../../src/ingest/importers/file/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';
import { expectedCounts, refRows, type RefRow } from './se-reference.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dumpDir = (site: string) => path.resolve(repoRoot, '../shared/data/stackexchange', site);
const SITES = ['cardano', 'conlang.meta'] as const;

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sheyun-import-se-'));
let s: Sheyun;
beforeAll(async () => {
  s = await openSheyun(loadConfig({ dataDir: root, logLevel: 'silent' }), { columnStore: 'optional' });
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** Expected per stored event name: identify calls are stored as `$identify`. */
function expectedByName(site: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, n] of expectedCounts(site)) out[name === 'identify' ? '$identify' : name] = n;
  return out;
}

/**
 * The members the documented identity rules imply, from the raw rows: every user id named anywhere, one anonymous
 * member per deleted author's shown name (`se-deleted-user:<name>`, or bare `se-deleted-user` without a name) and
 * `se-unknown-owner` when a hidden-actor row points at a post that is not in the dump.
 */
function expectedMembers(site: string): { userIds: Set<string>; anonymous: Set<string> } {
  const userIds = new Set<string>();
  const anonymous = new Set<string>();
  const val = (r: RefRow, a: string) => r(a)?.trim() || undefined;
  const deleted = (name: string | undefined) => (name ? `se-deleted-user:${name}` : 'se-deleted-user');
  for (const r of refRows(site, 'Users')) userIds.add(val(r, 'Id')!);
  const posts = refRows(site, 'Posts');
  const postIds = new Set(posts.map((r) => val(r, 'Id')));
  for (const r of posts) {
    const id = val(r, 'OwnerUserId');
    if (id) userIds.add(id);
    else anonymous.add(deleted(val(r, 'OwnerDisplayName')));
  }
  // Authors are required for comments and badges (a deleted author stands in); optional for history and votes.
  for (const file of ['Comments', 'Badges']) {
    for (const r of refRows(site, file)) {
      const id = val(r, 'UserId');
      if (id) userIds.add(id);
      else anonymous.add(deleted(val(r, 'UserDisplayName')));
    }
  }
  let unknownOwner = false;
  for (const file of ['PostHistory', 'Votes']) {
    for (const r of refRows(site, file)) {
      const id = val(r, 'UserId');
      const name = val(r, 'UserDisplayName');
      if (id) userIds.add(id);
      else if (name) anonymous.add(deleted(name));
      else if (!postIds.has(val(r, 'PostId'))) unknownOwner = true;
    }
  }
  for (const r of refRows(site, 'PostLinks')) if (!postIds.has(val(r, 'PostId')) && !postIds.has(val(r, 'RelatedPostId'))) unknownOwner = true;
  if (unknownOwner) anonymous.add('se-unknown-owner');
  return { userIds, anonymous };
}

async function importSite(site: string, workspace: string, opts: Partial<SeImportOptions> = {}) {
  const ws = await s.workspaces.ensure(workspace, 'UTC');
  const result = await importStackExchangeDump(s.ingest, { workspaceId: ws.id, dir: dumpDir(site), ...opts });
  return { ws, result };
}

describe.each(SITES)('Stack Exchange dump %s', (site) => {
  const workspace = site.replace(/\W/g, '-');

  it('stores one event per row, named as documented, with the documented members', async () => {
    const { ws, result } = await importSite(site, workspace);
    const expected = expectedByName(site);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(result).toMatchObject({ status: 'imported', platform: `stackexchange:${site}`, accepted: total, duplicates: 0, rejected: 0, skippedRows: 0 });
    expect(result.byEvent).toEqual(expected);

    const status = await workspaceStatus(s.rows, ws);
    expect(status.eventsByName).toEqual(expected);
    expect(status.events).toBe(total);

    const { userIds, anonymous } = expectedMembers(site);
    const identities = await s.rows.db.selectFrom('identities').select(['kind', 'value', 'platform']).where('workspace_id', '=', ws.id).execute();
    expect(new Set(identities.filter((i) => i.kind === 'user_id').map((i) => i.value))).toEqual(userIds);
    expect(new Set(identities.filter((i) => i.kind === 'anonymous_id').map((i) => i.value))).toEqual(anonymous);
    expect(identities.every((i) => i.platform === `stackexchange:${site}`)).toBe(true);
    expect(status.members).toBe(userIds.size + anonymous.size);
    expect(status.mergedMembers).toBe(0);
  });

  it('a second import adds nothing; --force re-reads it all as duplicates', async () => {
    const { ws, result } = await importSite(site, workspace);
    expect(result.status).toBe('already_imported');
    const before = await workspaceStatus(s.rows, ws);
    const forced = await importSite(site, workspace, { force: true });
    expect(forced.result).toMatchObject({ status: 'imported', accepted: 0, duplicates: before.events, rejected: 0 });
    expect(await workspaceStatus(s.rows, ws)).toEqual(before);
  });

  it('the column store holds the same events after a drain', async () => {
    const ws = await s.workspaces.ensure(workspace, 'UTC');
    expect(s.columnizer).toBeDefined();
    await s.columnizer!.drain();
    const rows = await s.columns!.query<{ name: string; n: bigint }>('SELECT name, count(*) AS n FROM events WHERE workspace_id = $1 GROUP BY name', [ws.id]);
    expect(Object.fromEntries(rows.map((r) => [r.name, Number(r.n)]))).toEqual(expectedByName(site));
  });
});

describe('resume', () => {
  it('an interrupted import continues at the recorded (file, row) and stores every row exactly once', async () => {
    const site = 'conlang.meta';
    const first = await importSite(site, 'resume', { chunkRows: 100, maxChunks: 5 });
    // Users (272 rows) → 3 chunks, then Posts (177 rows) → 2 chunks: stopped at the end of Posts.
    expect(first.result).toMatchObject({ status: 'interrupted', position: { file: 'Posts', row: 177 } });
    const controller = new AbortController();
    const second = await importSite(site, 'resume', { chunkRows: 100, signal: controller.signal, onProgress: (p) => p.file === 'Votes' && controller.abort() });
    expect(second.result).toMatchObject({ status: 'interrupted', resumedAt: { file: 'Posts', row: 177 }, position: { file: 'Votes', row: 100 }, duplicates: 0 });
    const third = await importSite(site, 'resume', { chunkRows: 100 });
    expect(third.result).toMatchObject({ status: 'imported', resumedAt: { file: 'Votes', row: 100 }, duplicates: 0, rejected: 0 });
    const status = await workspaceStatus(s.rows, third.ws);
    expect(status.eventsByName).toEqual(expectedByName(site));
    expect(first.result.accepted + second.result.accepted + third.result.accepted).toBe(status.events);
  });
});
