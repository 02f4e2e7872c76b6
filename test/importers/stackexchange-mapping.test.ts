/** The Stack Exchange importer over the two real dumps: every message valid, counts equal to an independent row count, resume exact. */
import { describe, expect, it } from 'vitest';
import { readStackExchangeDump, SE_FILES, SE_UNKNOWN_OWNER, type SeChunk, type SeWarning } from '../../src/ingest/importers/stackexchange/index.ts';
import { messageSchema, type IngestMessageInput } from '../../src/ingest/schema.ts';
import { DUMPS, expectedCounts, refRows } from './se-reference.ts';

const SITES = ['cardano', 'conlang.meta'] as const;

async function readAll(site: string, opts: Parameters<typeof readStackExchangeDump>[1] = {}): Promise<SeChunk[]> {
  const chunks: SeChunk[] = [];
  for await (const chunk of readStackExchangeDump(`${DUMPS}/${site}`, opts)) chunks.push(chunk);
  return chunks;
}

const eventOf = (m: IngestMessageInput): string => (m.type === 'track' ? m.event : m.type);
const props = (m: IngestMessageInput): Record<string, unknown> => ('properties' in m && m.properties ? m.properties : {});

describe.each(SITES)('Stack Exchange dump %s', (site) => {
  it('maps every row to valid messages, one event per row and type as the reference count says', async () => {
    const warnings: SeWarning[] = [];
    const chunks = await readAll(site, { onWarning: (w) => warnings.push(w) });
    const messages = chunks.flatMap((c) => c.messages);

    const invalid = messages.flatMap((m) => {
      const r = messageSchema.safeParse(m);
      return r.success ? [] : [{ id: m.messageId, issues: r.error.issues }];
    });
    expect(invalid).toEqual([]);

    const counts = new Map<string, number>();
    for (const m of messages) counts.set(eventOf(m), (counts.get(eventOf(m)) ?? 0) + 1);
    expect(Object.fromEntries([...counts].sort())).toEqual(Object.fromEntries([...expectedCounts(site)].sort()));

    expect(warnings.filter((w) => w.code === 'row_skipped')).toEqual([]);
    expect(warnings.map((w) => w.file).sort()).toEqual(site === 'cardano' ? ['PostHistory'] : []);

    for (const m of messages) {
      expect(m.platform).toBe(`stackexchange:${site}`);
      expect(m.messageId).toMatch(new RegExp(`^se:${site.replace('.', '\\.')}:(Users|Posts|PostHistory|Comments|Votes|Badges|PostLinks):-?\\d+(:signed_up)?$`));
      expect(typeof m.timestamp === 'string' && m.timestamp.endsWith('Z') && !Number.isNaN(Date.parse(m.timestamp))).toBe(true);
    }
    expect(new Set(messages.map((m) => m.messageId)).size).toBe(messages.length);
  });

  it('reports chunk positions that count the rows of each file, at most 500 rows per chunk', async () => {
    const chunks = await readAll(site);
    const last = new Map<string, number>();
    for (const c of chunks) {
      const before = last.get(c.file) ?? 0;
      expect(c.row - before).toBeGreaterThan(0);
      expect(c.row - before).toBeLessThanOrEqual(500);
      last.set(c.file, c.row);
    }
    const files = SE_FILES.filter((f) => refRows(site, f).length > 0);
    expect([...last.keys()]).toEqual(files);
    for (const f of files) expect(last.get(f)).toBe(refRows(site, f).length);
  });

  it('puts votes, accepts and comments on the right members (checked against the reference rows)', async () => {
    const owner = new Map<string, string | undefined>();
    const parent = new Map<string, string | undefined>();
    for (const p of refRows(site, 'Posts')) {
      owner.set(p('Id') ?? '', p('OwnerUserId'));
      parent.set(p('Id') ?? '', p('ParentId'));
    }
    const messages = (await readAll(site)).flatMap((c) => c.messages);
    const votes = messages.filter((m) => m.messageId?.includes(':Votes:'));
    for (const m of votes) {
      const p = props(m);
      const postId = String(p.post_id);
      const postOwner = owner.get(postId);
      if (eventOf(m) === 'post_upvoted' || eventOf(m) === 'post_downvoted') {
        expect(m.userId).toBeUndefined();
        expect(m.anonymousId).toBeUndefined();
        if (!owner.has(postId)) expect(m.target).toEqual({ anonymousId: SE_UNKNOWN_OWNER });
        else if (postOwner !== undefined) expect(m.target).toEqual({ userId: postOwner });
      }
      if (eventOf(m) === 'answer_accepted' && owner.has(postId)) {
        const asker = owner.get(parent.get(postId) ?? '');
        if (asker !== undefined) expect(m.userId).toBe(asker);
        if (postOwner !== undefined && postOwner !== asker) expect(m.target).toEqual({ userId: postOwner });
      }
    }
    const comments = messages.filter((m) => eventOf(m) === 'comment_posted');
    const refComments = new Map(refRows(site, 'Comments').map((c) => [c('Id'), c] as const));
    for (const m of comments) {
      const ref = refComments.get(String(props(m).comment_id));
      expect(ref).toBeDefined();
      if (ref?.('UserId') !== undefined) expect(m.userId).toBe(ref('UserId'));
      else expect(m.anonymousId).toBe(`se-deleted-user:${ref?.('UserDisplayName')}`);
      expect(props(m).text).toBe(ref?.('Text'));
    }
  });

  it('is deterministic: two reads give the same messages', async () => {
    const a = (await readAll(site)).flatMap((c) => c.messages);
    const b = (await readAll(site)).flatMap((c) => c.messages);
    expect(b.map((m) => m.messageId)).toEqual(a.map((m) => m.messageId));
    expect(b).toEqual(a);
  });
});

describe('resume with startAt', () => {
  /** Messages after position (file, row) in a one-row-per-chunk read: the oracle for a resumed read. */
  function after(chunks: SeChunk[], file: string, row: number): IngestMessageInput[] {
    const at = SE_FILES.indexOf(file);
    return chunks
      .filter((c) => SE_FILES.indexOf(c.file) > at || (c.file === file && c.row > row))
      .flatMap((c) => c.messages);
  }

  it.each([
    ['conlang.meta', 'Users', 0],
    ['conlang.meta', 'Users', 137],
    ['conlang.meta', 'Posts', 61],
    ['conlang.meta', 'PostHistory', 449],
    ['conlang.meta', 'Comments', 0],
    ['conlang.meta', 'Votes', 1000],
    ['conlang.meta', 'PostLinks', 20],
    ['cardano', 'PostHistory', 0],
    ['cardano', 'Votes', 4321],
    ['cardano', 'Badges', 4466],
  ])('%s from %s row %i skips exactly the rows before', async (site, file, row) => {
    const full = await readAll(site, { chunkRows: 1 });
    const resumed = (await readAll(site, { startAt: { file, row } })).flatMap((c) => c.messages);
    const expected = after(full, file, row);
    expect(resumed.length).toBe(expected.length);
    expect(resumed).toEqual(expected);
  });

  it('continues exactly after any chunk it reported', async () => {
    const full = await readAll('conlang.meta', { chunkRows: 97 });
    const all = full.flatMap((c) => c.messages);
    let seen = 0;
    for (const c of full.slice(0, 12)) {
      seen += c.messages.length;
      const rest = (await readAll('conlang.meta', { chunkRows: 97, startAt: { file: c.file, row: c.row } })).flatMap((x) => x.messages);
      expect(rest.map((m) => m.messageId)).toEqual(all.slice(seen).map((m) => m.messageId));
    }
  });
});

describe('speed', () => {
  it('maps cardano (26 k messages) well under 2 s', async () => {
    await readAll('cardano'); // warm the module and file cache
    const t0 = performance.now();
    const chunks = await readAll('cardano');
    const ms = performance.now() - t0;
    expect(chunks.reduce((n, c) => n + c.messages.length, 0)).toBe(26_153);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('anchors from shared/data/README.md', () => {
  it('cardano counts', async () => {
    const counts = new Map<string, number>();
    for (const m of (await readAll('cardano')).flatMap((c) => c.messages)) counts.set(eventOf(m), (counts.get(eventOf(m)) ?? 0) + 1);
    expect(counts.get('identify')).toBe(3_988);
    expect(counts.get('question_posted')).toBe(1_042);
    expect(counts.get('answer_posted')).toBe(1_496);
    expect(counts.get('post_upvoted')).toBe(7_604);
    expect(counts.get('answer_accepted')).toBe(460);
    expect(counts.get('comment_posted')).toBe(1_829);
    expect(counts.get('badge_awarded')).toBe(4_467);
    expect(counts.get('post_linked')).toBe(104);
  });
});
