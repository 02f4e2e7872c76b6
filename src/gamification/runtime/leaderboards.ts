/**
 * Leaderboards: points per member per board ('all', or 'category:<name>' for a rule category) and period ('all',
 * 'day:…', 'week:<Monday>', 'month:YYYY-MM', in the ledger's day — the rule set's time zone), kept from the ledger
 * by following its ids with a watermark. Beside the totals, how many members hold each total, so that a member's
 * dense rank is one count over the distinct totals above theirs instead of a scan over every member below the top.
 * Only identified members (with a user id) are ranked. Ingest only appends to the ledger; the totals catch up in
 * batches (every second in the server, and before every leaderboard read, so a reader sees the ledger as committed).
 */
import { CompiledQuery } from 'kysely';
import { bulkInsert, cachedQuery, paddedInList, placeholderList, readSetting, withWriteTransaction, writeSetting, type BulkStatement, type RowDialect, type RowStore, type Tx } from '../../store/index.ts';
import { identifiedMembers } from '../../members/index.ts';
import { dayNumber, dayString, weekStart } from '../day.ts';

const WATERMARK = 'gamification.leaderboard_watermark';
const PAGE = 20_000;

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

/** Forgets the totals' watermark (replay rebuilds the ledger; the totals follow it from the start). */
export async function resetLeaderboards(trx: Tx, ws: number): Promise<void> {
  await trx.deleteFrom('workspace_settings').where('workspace_id', '=', ws).where('key', '=', WATERMARK).execute();
}

/** Whether ledger entries are waiting to reach the totals. */
async function pending(db: Tx, ws: number): Promise<boolean> {
  const mark = Number((await readSetting(db as never, ws, WATERMARK)) ?? 0);
  return (await ledgerAfter(db, ws, mark, 1).executeTakeFirst()) !== undefined;
}

/** Ledger entries of a workspace after id `mark`, in id order (index `points_ledger_ws_id`: a range, not a scan). */
export function ledgerAfter(db: Tx, ws: number, mark: number, limit: number) {
  return db.selectFrom('points_ledger').select(['id', 'member_id', 'category', 'day', 'points']).where('workspace_id', '=', ws).where('id', '>', mark).orderBy('id').limit(limit);
}

/**
 * Brings the totals up to the ledger, `pageSize` entries a transaction; returns how many ledger entries were applied.
 */
export async function catchUpLeaderboards(rows: RowStore, ws: number, now: number, opts: { pageSize?: number } = {}): Promise<number> {
  let applied = 0;
  for (;;) {
    if (!(await pending(rows.db, ws))) return applied;
    const n = await withWriteTransaction(rows, (trx) => applyPage(trx, rows.dialect, ws, now, opts.pageSize ?? PAGE));
    applied += n;
    if (n === 0) return applied;
  }
}

async function applyPage(trx: Tx, dialect: RowDialect, ws: number, now: number, pageSize: number): Promise<number> {
  const mark = Number((await readSetting(trx as never, ws, WATERMARK)) ?? 0);
  const entries = await ledgerAfter(trx, ws, mark, pageSize).execute();
  if (entries.length === 0) return 0;
  // Boards rank identified members: members with only anonymous ids (visitors, an importer's synthetic members such
  // as Stack Exchange's deleted users) keep their ledger but are not ranked.
  const ranked = await identifiedMembers(trx, ws, [...new Set(entries.map((e) => Number(e.member_id)))]);
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
    const ids = [...members.keys()];
    const current = new Map<number, number>();
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
      const before = current.get(member);
      const after = (before ?? 0) + delta;
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
  await writeSetting(trx as never, ws, WATERMARK, Number(entries[entries.length - 1]!.id), now);
  return entries.length;
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
