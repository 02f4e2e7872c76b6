/** Reads of incentive state for the API, the CLI and the console: balances, ledgers, badges, levels, exports. */
import { stringify } from 'csv-stringify/sync';
import { sql } from 'kysely';
import { externalIds } from '../../members/index.ts';
import type { Tx } from '../../store/index.ts';

export interface LedgerView {
  id: number;
  ruleId: string;
  category: string | null;
  eventId: string;
  ts: number;
  day: string;
  points: number;
  requested: number;
  kind: 'award' | 'reversal';
  capped: string | null;
  ref: string | null;
  /** For a reversal: the rule whose points it takes back. */
  reverses: string | null;
  configVersion: number;
}

/** A member's balance: the sum of their ledger (the ledger is the truth; nothing else stores a balance). */
export async function memberBalance(db: Tx, ws: number, memberId: number): Promise<{ points: number; entries: number }> {
  const r = await db
    .selectFrom('points_ledger')
    .select((eb) => [eb.fn.sum<number>('points').as('p'), eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', ws)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return { points: Number(r?.p ?? 0), entries: Number(r?.n ?? 0) };
}

/** A member's ledger, newest first, `before` an entry id for the next page. */
export async function memberLedger(db: Tx, ws: number, memberId: number, q: { limit: number; before?: number; key?: string }): Promise<LedgerView[]> {
  let query = db.selectFrom('points_ledger').selectAll().where('workspace_id', '=', ws).where('member_id', '=', memberId);
  if (q.before !== undefined) query = query.where('id', '<', q.before);
  if (q.key !== undefined) query = query.where('key', '=', q.key);
  const rows = await query.orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    ruleId: r.rule_id,
    category: r.category,
    eventId: r.event_id,
    ts: Number(r.ts),
    day: r.day,
    points: Number(r.points),
    requested: Number(r.requested),
    kind: r.kind === 'reversal' ? 'reversal' : 'award',
    capped: r.capped,
    ref: r.ref,
    reverses: r.reverses,
    configVersion: Number(r.config_version),
  }));
}

export interface AwardView {
  badgeId: string;
  awardedAt: number;
  day: string;
  subject: string | null;
  eventId: string;
}

export async function memberBadges(db: Tx, ws: number, memberId: number): Promise<AwardView[]> {
  const rows = await db
    .selectFrom('badge_awards')
    .select(['badge_id', 'awarded_at', 'day', 'subject', 'event_id'])
    .where('workspace_id', '=', ws)
    .where('member_id', '=', memberId)
    .orderBy('awarded_at')
    .execute();
  return rows.map((r) => ({ badgeId: r.badge_id, awardedAt: Number(r.awarded_at), day: r.day, subject: r.subject, eventId: r.event_id }));
}

export async function memberLevelRow(db: Tx, ws: number, memberId: number): Promise<{ level: string | null; since: number | null }> {
  const r = await db.selectFrom('member_levels').select(['level', 'since']).where('workspace_id', '=', ws).where('member_id', '=', memberId).executeTakeFirst();
  return { level: r?.level ?? null, since: r?.since === null || r?.since === undefined ? null : Number(r.since) };
}

/** Holders per badge: awards (multiple-grant badges count each) and distinct members. */
export async function badgeHolders(db: Tx, ws: number): Promise<Map<string, { awards: number; members: number }>> {
  const rows = await db
    .selectFrom('badge_awards')
    .select((eb) => ['badge_id', eb.fn.countAll<number>().as('awards'), sql<number>`count(DISTINCT member_id)`.as('members')])
    .where('workspace_id', '=', ws)
    .groupBy('badge_id')
    .execute();
  return new Map(rows.map((r) => [r.badge_id, { awards: Number(r.awards), members: Number(r.members) }]));
}

export async function levelHolders(db: Tx, ws: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('member_levels')
    .select((eb) => ['level', eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', ws)
    .where('level', 'is not', null)
    .groupBy('level')
    .execute();
  return new Map(rows.map((r) => [r.level!, Number(r.n)]));
}

/** Recent holders of one badge, newest first. */
export async function badgeAwards(db: Tx, ws: number, badgeId: string, limit: number): Promise<(AwardView & { memberId: number })[]> {
  const rows = await db
    .selectFrom('badge_awards')
    .select(['member_id', 'badge_id', 'awarded_at', 'day', 'subject', 'event_id'])
    .where('workspace_id', '=', ws)
    .where('badge_id', '=', badgeId)
    .orderBy('awarded_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ memberId: Number(r.member_id), badgeId: r.badge_id, awardedAt: Number(r.awarded_at), day: r.day, subject: r.subject, eventId: r.event_id }));
}

/** Points per member from the ledger between two days (inclusive), optionally only from some rules. */
export async function pointsInPeriod(db: Tx, ws: number, q: { from: string; to: string; rules?: readonly string[]; categories?: readonly string[] }): Promise<{ memberId: number; points: number }[]> {
  let query = db
    .selectFrom('points_ledger')
    .select((eb) => ['member_id', eb.fn.sum<number>('points').as('p')])
    .where('workspace_id', '=', ws)
    .where('day', '>=', q.from)
    .where('day', '<=', q.to);
  if (q.rules && q.rules.length > 0) query = query.where('rule_id', 'in', [...q.rules]);
  if (q.categories && q.categories.length > 0) query = query.where('category', 'in', [...q.categories]);
  const rows = await query.groupBy('member_id').execute();
  return rows.map((r) => ({ memberId: Number(r.member_id), points: Number(r.p) })).filter((r) => r.points > 0);
}

const csvLine = (cells: (string | number)[]) => stringify([cells]);

/** `member_external_id,platform,points,level`, one row per member with ledger entries or a level, by external id. */
export async function balancesCsv(db: Tx, ws: number): Promise<string> {
  const ids = await externalIds(db, ws);
  const sums = await db
    .selectFrom('points_ledger')
    .select((eb) => ['member_id', eb.fn.sum<number>('points').as('p')])
    .where('workspace_id', '=', ws)
    .groupBy('member_id')
    .execute();
  const levels = await db.selectFrom('member_levels').select(['member_id', 'level']).where('workspace_id', '=', ws).execute();
  const rows = new Map<number, { points: number; level: string }>();
  for (const s of sums) rows.set(Number(s.member_id), { points: Number(s.p), level: '' });
  for (const l of levels) {
    const r = rows.get(Number(l.member_id)) ?? { points: 0, level: '' };
    r.level = l.level ?? '';
    rows.set(Number(l.member_id), r);
  }
  let out = csvLine(['member_external_id', 'platform', 'points', 'level']);
  for (const [m, r] of [...rows].sort((a, b) => a[0] - b[0])) {
    const id = ids.get(m);
    out += csvLine([id?.value ?? `mem:${m}`, id?.platform ?? '', r.points, r.level]);
  }
  return out;
}

/** `member_external_id,badge,awarded_at` (ISO time), in award order. */
export async function badgesCsv(db: Tx, ws: number): Promise<string> {
  const ids = await externalIds(db, ws);
  const rows = await db.selectFrom('badge_awards').select(['member_id', 'badge_id', 'awarded_at']).where('workspace_id', '=', ws).orderBy('awarded_at').orderBy('id').execute();
  let out = csvLine(['member_external_id', 'badge', 'awarded_at']);
  for (const r of rows) out += csvLine([ids.get(Number(r.member_id))?.value ?? `mem:${r.member_id}`, r.badge_id, new Date(Math.floor(Number(r.awarded_at) / 1000)).toISOString()]);
  return out;
}
