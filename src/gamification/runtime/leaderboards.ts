/**
 * Leaderboards: points per member per board ('all', or 'category:<name>' for a rule category) and period ('all',
 * 'day:…', 'week:<Monday>', 'month:YYYY-MM', in the ledger's day — the rule set's time zone), kept from the ledger
 * by following its ids with a watermark. Beside the totals, how many members hold each total, so that a member's
 * dense rank is one count over the distinct totals above theirs instead of a scan over every member below the top.
 * Only identified members (with a user id) are ranked. Ingest only appends to the ledger; the totals catch up in
 * batches (every 5 s in the server, on its leaderboard thread, and before every leaderboard read, so a reader sees the
 * ledger as committed). They live in the row store's board store (`rows.boards`, src/store/board-store.ts) with their
 * marks: the last ledger id applied and the ledger generation followed.
 */
import { CompiledQuery } from 'kysely';
import { bulkInsert, cachedQuery, paddedInList, placeholderList, readSetting, withWriteTransaction, writeSetting, type BulkStatement, type RowStore, type Tx } from '../../store/index.ts';
import { identifiedMembers } from '../../members/index.ts';
import { dayNumber, dayString, weekStart } from '../day.ts';
import { leaderboardThreadOf } from './leaderboard-thread.ts';

const TOTALS: BulkStatement = {
  name: 'points_totals_upsert',
  table: 'points_totals',
  columns: ['workspace_id', 'board', 'period', 'member_id', 'points'],
  suffix: 'ON CONFLICT (workspace_id, board, period, member_id) DO UPDATE SET points = excluded.points',
};
const VALUES: BulkStatement = {
  name: 'points_values_add',
  table: 'points_values',
  columns: ['workspace_id', 'board', 'period', 'points', 'members'],
  suffix: 'ON CONFLICT (workspace_id, board, period, points) DO UPDATE SET members = points_values.members + excluded.members',
};

const GENERATION = 'gamification.ledger_generation';
const PAGE = 20_000;

export const PERIOD_KINDS = ['all', 'month', 'week', 'day'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The period key of a ledger day for each kind: 'all', 'month:2026-11', 'week:2026-11-23', 'day:2026-11-26'. */
export function periodKey(kind: PeriodKind, day: string): string {
  switch (kind) {
    case 'all':
      return 'all';
    case 'month':
      return `month:${day.slice(0, 7)}`;
    case 'week':
      return `week:${dayString(weekStart(dayNumber(day)))}`;
    case 'day':
      return `day:${day}`;
  }
}

/**
 * Starts a new ledger generation (replay, in its transaction, after rebuilding the ledger, whose ids may repeat the
 * old ones): the next catch-up clears the workspace's totals and follows the new ledger from its start.
 */
export async function newLedgerGeneration(trx: Tx, ws: number, now: number): Promise<void> {
  const current = Number((await readSetting(trx as never, ws, GENERATION)) ?? 0);
  await writeSetting(trx as never, ws, GENERATION, current + 1, now);
}

async function ledgerGeneration(db: Tx, ws: number): Promise<string> {
  return String((await readSetting(db as never, ws, GENERATION)) ?? 0);
}

type Marks = { generation: string; watermark: number };

async function marksOf(boards: Tx, ws: number): Promise<Marks | undefined> {
  const r = await boards.selectFrom('leaderboard_marks').select(['generation', 'watermark']).where('workspace_id', '=', ws).executeTakeFirst();
  return r ? { generation: r.generation, watermark: Number(r.watermark) } : undefined;
}

/** Whether the totals are behind the ledger: entries after the watermark, or a ledger generation they do not follow. */
async function pending(rows: RowStore, ws: number): Promise<boolean> {
  const mark = await marksOf(rows.boards.db, ws);
  if (!mark || mark.generation !== (await ledgerGeneration(rows.db, ws))) return true;
  return (await ledgerAfter(rows.db, ws, mark.watermark, 1).executeTakeFirst()) !== undefined;
}

/** Ledger entries of a workspace after id `mark`, in id order (index `points_ledger_ws_id`: a range, not a scan). */
export function ledgerAfter(db: Tx, ws: number, mark: number, limit: number) {
  return db.selectFrom('points_ledger').select(['id', 'member_id', 'category', 'day', 'points']).where('workspace_id', '=', ws).where('id', '>', mark).orderBy('id').limit(limit);
}

/**
 * Brings the totals up to the ledger, `pageSize` entries a transaction; returns how many ledger entries were applied.
 * In the server of an embedded store this runs on the leaderboard thread (leaderboard-thread.ts), elsewhere here.
 */
export async function catchUpLeaderboards(rows: RowStore, ws: number, opts: { pageSize?: number } = {}): Promise<number> {
  const thread = leaderboardThreadOf(rows);
  return thread ? thread.catchUp(ws) : catchUpHere(rows, ws, opts);
}

/** How many members' totals a catch-up remembers at most (beyond that it starts empty again). */
const MEMO_MAX = 1_000_000;

/**
 * The totals this process last wrote for a workspace: reading members' current totals before adding to them was a
 * fifth of each catch-up. Valid only while the marks in the store are the ones written with them; another process's
 * catch-up or a new ledger generation moves the marks, and the memory starts empty.
 */
class TotalsMemo {
  marks: Marks | null = null;
  /** Members' totals per `board\tperiod`; null: known to have none. */
  readonly boards = new Map<string, Map<number, number | null>>();
  size = 0;

  clear(): void {
    this.boards.clear();
    this.size = 0;
  }
}

const memos = new WeakMap<RowStore, Map<number, TotalsMemo>>();

function memoOf(rows: RowStore, ws: number): TotalsMemo {
  let byWs = memos.get(rows);
  if (!byWs) memos.set(rows, (byWs = new Map()));
  let memo = byWs.get(ws);
  if (!memo) byWs.set(ws, (memo = new TotalsMemo()));
  return memo;
}

/** `catchUpLeaderboards` on this thread. */
export async function catchUpHere(rows: RowStore, ws: number, opts: { pageSize?: number } = {}): Promise<number> {
  const memo = memoOf(rows, ws);
  let applied = 0;
  for (;;) {
    if (!(await pending(rows, ws))) return applied;
    const page = await withWriteTransaction(rows.boards, (trx) => applyPage(trx, rows, ws, memo, opts.pageSize ?? PAGE));
    // Only a committed page makes the memory valid again (applyPage cleared its marks).
    memo.marks = page.marks;
    applied += page.applied;
    if (page.applied === 0) return applied;
  }
}

/** The ledger's page after the mark (from its start in a new generation) and its ranked members, in one snapshot. */
async function readPage(db: Tx, ws: number, mark: Marks | undefined, pageSize: number) {
  const generation = await ledgerGeneration(db, ws);
  const from = mark && mark.generation === generation ? mark.watermark : 0;
  const entries = await ledgerAfter(db, ws, from, pageSize).execute();
  // Boards rank identified members: members with only anonymous ids (visitors, an importer's synthetic members such
  // as Stack Exchange's deleted users) keep their ledger but are not ranked.
  const ranked = await identifiedMembers(db, ws, [...new Set(entries.map((e) => Number(e.member_id)))]);
  return { generation, entries, ranked };
}

/** One page, in the board store's write transaction `trx` (which is also the ledger's when both are one store). */
async function applyPage(trx: Tx, rows: RowStore, ws: number, memo: TotalsMemo, pageSize: number): Promise<{ applied: number; marks: Marks }> {
  const dialect = rows.boards.dialect;
  const mark = await marksOf(trx, ws);
  const memoValid = memo.marks !== null && mark !== undefined && memo.marks.generation === mark.generation && memo.marks.watermark === mark.watermark;
  memo.marks = null;
  const page = rows.boards.db === rows.db ? await readPage(trx, ws, mark, pageSize) : await rows.db.transaction().execute((r) => readPage(r, ws, mark, pageSize));
  const { entries, ranked } = page;
  // Totals of another generation (or of none known) go: this page starts the new ledger from its first entry.
  const fresh = !mark || mark.generation !== page.generation;
  if (!memoValid || fresh || memo.size > MEMO_MAX) memo.clear();
  if (fresh) {
    await trx.deleteFrom('points_totals').where('workspace_id', '=', ws).execute();
    await trx.deleteFrom('points_values').where('workspace_id', '=', ws).execute();
  }
  const watermark = entries.length > 0 ? Number(entries[entries.length - 1]!.id) : fresh ? 0 : mark.watermark;
  await trx
    .insertInto('leaderboard_marks')
    .values({ workspace_id: ws, generation: page.generation, watermark })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ generation: page.generation, watermark }))
    .execute();
  const marks = { generation: page.generation, watermark };
  if (entries.length === 0) return { applied: 0, marks };
  // `board\tperiod` → member → delta
  const deltas = new Map<string, Map<number, number>>();
  const add = (k: string, member: number, points: number) => {
    let m = deltas.get(k);
    if (!m) deltas.set(k, (m = new Map()));
    m.set(member, (m.get(member) ?? 0) + points);
  };
  // The `board\tperiod` keys of a (category, day), built once per page: a page has few days and many entries.
  const keysOf = new Map<string, string[]>();
  const boardKeys = (category: string | null, day: string): string[] => {
    const k = `${category ?? ''}\t${day}`;
    let keys = keysOf.get(k);
    if (!keys) {
      const boards = category ? ['all', `category:${category}`] : ['all'];
      keysOf.set(k, (keys = boards.flatMap((board) => PERIOD_KINDS.map((kind) => `${board}\t${periodKey(kind, day)}`))));
    }
    return keys;
  };
  for (const e of entries) {
    const points = Number(e.points);
    if (points === 0) continue;
    const member = Number(e.member_id);
    if (!ranked.has(member)) continue;
    for (const k of boardKeys(e.category, e.day)) add(k, member, points);
  }
  const totals: unknown[][] = [];
  const values = new Map<string, number>();
  const countValue = (board: string, period: string, points: number, by: number) => {
    const k = `${board}\t${period}\t${points}`;
    values.set(k, (values.get(k) ?? 0) + by);
  };
  for (const [k, members] of deltas) {
    const [board, period] = k.split('\t') as [string, string];
    let current = memo.boards.get(k);
    if (!current) memo.boards.set(k, (current = new Map()));
    const ids: number[] = [];
    for (const id of members.keys()) if (!current.has(id)) ids.push(id);
    for (const id of ids) current.set(id, null);
    memo.size += ids.length;
    for (let i = 0; i < ids.length; i += 500) {
      const part = paddedInList(ids.slice(i, i + 500));
      const rows = await cachedQuery<{ member_id: number | string; points: number | string }>(
        trx,
        `${dialect}|points_totals_of_members|${part.length}`,
        () => `SELECT member_id, points FROM points_totals WHERE workspace_id = ${placeholderList(dialect, 1)} AND board = ${placeholderList(dialect, 1, 1)} AND period = ${placeholderList(dialect, 1, 2)} AND member_id IN (${placeholderList(dialect, part.length, 3)})`,
        [ws, board, period, ...part],
      );
      for (const row of rows) current.set(Number(row.member_id), Number(row.points));
    }
    for (const [member, delta] of members) {
      if (delta === 0) continue;
      const before = current.get(member) ?? undefined;
      const after = (before ?? 0) + delta;
      current.set(member, after);
      if (before !== undefined) countValue(board, period, before, -1);
      countValue(board, period, after, 1);
      totals.push([ws, board, period, member, after]);
    }
  }
  await bulkInsert(trx, dialect, TOTALS, totals);
  const valueRows = [...values].filter(([, by]) => by !== 0).map(([k, by]) => {
    const [board, period, points] = k.split('\t') as [string, string, string];
    return [ws, board, period, Number(points), by];
  });
  await bulkInsert(trx, dialect, VALUES, valueRows);
  // Totals nobody holds any more go (only where a count went down: a scan of every total would grow with the board),
  // a board and period at a time (one statement per total had cost more than the rest of the catch-up).
  const fell = new Map<string, number[]>();
  for (const row of valueRows) {
    if ((row[4] as number) >= 0) continue;
    const k = `${row[1] as string}\t${row[2] as string}`;
    const list = fell.get(k);
    if (list) list.push(row[3] as number);
    else fell.set(k, [row[3] as number]);
  }
  for (const [k, totals] of fell) {
    const [board, period] = k.split('\t') as [string, string];
    for (let i = 0; i < totals.length; i += 500) {
      const part = paddedInList(totals.slice(i, i + 500));
      await trx.executeQuery(
        CompiledQuery.raw(
          `DELETE FROM points_values WHERE workspace_id = ${placeholderList(dialect, 1)} AND board = ${placeholderList(dialect, 1, 1)} AND period = ${placeholderList(dialect, 1, 2)} AND members <= 0 AND points IN (${placeholderList(dialect, part.length, 3)})`,
          [ws, board, period, ...part],
        ),
      );
    }
  }
  return { applied: entries.length, marks };
}

export interface RankedMember {
  memberId: number;
  points: number;
  /** Dense rank: equal totals share a rank, and the next total gets the next rank. */
  rank: number;
}

/** Dense rank of a total on a board: 1 + the number of distinct totals above it. */
async function rankOfPoints(db: Tx, ws: number, board: string, period: string, points: number): Promise<number> {
  const r = await db
    .selectFrom('points_values')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', ws)
    .where('board', '=', board)
    .where('period', '=', period)
    .where('points', '>', points)
    .executeTakeFirst();
  return 1 + Number(r?.n ?? 0);
}

/** The top of a board, ties ordered by member id; `offset` pages further down. */
export async function leaderboardTop(db: Tx, ws: number, q: { board: string; period: string; limit: number; offset?: number }): Promise<RankedMember[]> {
  const rows = await db
    .selectFrom('points_totals')
    .select(['member_id', 'points'])
    .where('workspace_id', '=', ws)
    .where('board', '=', q.board)
    .where('period', '=', q.period)
    .orderBy('points', 'desc')
    .orderBy('member_id')
    .limit(q.limit)
    .offset(q.offset ?? 0)
    .execute();
  if (rows.length === 0) return [];
  let rank = q.offset ? await rankOfPoints(db, ws, q.board, q.period, Number(rows[0]!.points)) : 1;
  return rows.map((r, i) => {
    if (i > 0 && Number(r.points) !== Number(rows[i - 1]!.points)) rank++;
    return { memberId: Number(r.member_id), points: Number(r.points), rank };
  });
}

/** A member's place on a board with `around` neighbours on each side (null when they have no points there). */
export async function memberRank(
  db: Tx,
  ws: number,
  q: { board: string; period: string; memberId: number; around: number },
): Promise<{ member: RankedMember; above: RankedMember[]; below: RankedMember[]; members: number } | null> {
  const base = () => db.selectFrom('points_totals').select(['member_id', 'points']).where('workspace_id', '=', ws).where('board', '=', q.board).where('period', '=', q.period);
  const mine = await base().where('member_id', '=', q.memberId).executeTakeFirst();
  if (!mine) return null;
  const points = Number(mine.points);
  const rank = await rankOfPoints(db, ws, q.board, q.period, points);
  // Neighbours come total by total, nearest first, from the small table of totals; each total's members are one
  // index range. (One range with an OR, or a mixed-direction ORDER BY, would sort the whole board.)
  const side = async (dir: 'above' | 'below') => {
    const out: { member_id: number; points: number }[] = [];
    const sameTotal = base().where('points', '=', points);
    out.push(...(dir === 'above' ? await sameTotal.where('member_id', '<', q.memberId).orderBy('member_id', 'desc').limit(q.around).execute() : await sameTotal.where('member_id', '>', q.memberId).orderBy('member_id').limit(q.around).execute()));
    if (out.length >= q.around) return out;
    const totals = await db
      .selectFrom('points_values')
      .select('points')
      .where('workspace_id', '=', ws)
      .where('board', '=', q.board)
      .where('period', '=', q.period)
      .where('points', dir === 'above' ? '>' : '<', points)
      .orderBy('points', dir === 'above' ? 'asc' : 'desc')
      .limit(q.around - out.length)
      .execute();
    for (const t of totals) {
      if (out.length >= q.around) break;
      out.push(...(await base().where('points', '=', Number(t.points)).orderBy('member_id', dir === 'above' ? 'desc' : 'asc').limit(q.around - out.length).execute()));
    }
    return out;
  };
  const aboveRows = await side('above');
  const belowRows = await side('below');
  // Neighbours' dense ranks follow from the distinct totals between them and the member.
  const above: RankedMember[] = [];
  let r = rank;
  let prev = points;
  for (const row of aboveRows) {
    const p = Number(row.points);
    if (p !== prev) r--;
    prev = p;
    above.unshift({ memberId: Number(row.member_id), points: p, rank: r });
  }
  const below: RankedMember[] = [];
  r = rank;
  prev = points;
  for (const row of belowRows) {
    const p = Number(row.points);
    if (p !== prev) r++;
    prev = p;
    below.push({ memberId: Number(row.member_id), points: p, rank: r });
  }
  const count = await db
    .selectFrom('points_values')
    .select((eb) => eb.fn.sum<number>('members').as('n'))
    .where('workspace_id', '=', ws)
    .where('board', '=', q.board)
    .where('period', '=', q.period)
    .executeTakeFirst();
  return { member: { memberId: q.memberId, points, rank }, above, below, members: Number(count?.n ?? 0) };
}
