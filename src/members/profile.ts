/** Reading members: a profile with identities, counters and merge history; search; the timeline (paginated). */
import { sql } from 'kysely';
import { invalid, memberPublicId, microsToIso } from '../core/index.ts';
import type { MemberRow, RowStore } from '../store/index.ts';
import { liveMemberId } from './lookup.ts';

const iso = (us: number | null) => (us === null ? null : microsToIso(us));

export interface MemberSummaryView {
  id: string;
  displayName: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  eventCount: number;
  targetCount: number;
  platforms: string[];
}

async function platformsOf(store: RowStore, ws: number, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await store.db
    .selectFrom('identities')
    .select(['member_id', 'platform'])
    .distinct()
    .where('workspace_id', '=', ws)
    .where('member_id', 'in', ids)
    .orderBy('platform')
    .execute();
  for (const r of rows) out.set(r.member_id, [...(out.get(r.member_id) ?? []), r.platform]);
  return out;
}

function summary(m: MemberRow, platforms: string[]): MemberSummaryView {
  return {
    id: memberPublicId(m.id),
    displayName: m.display_name,
    firstSeen: iso(m.first_seen),
    lastSeen: iso(m.last_seen),
    eventCount: Number(m.event_count),
    targetCount: Number(m.target_count),
    platforms,
  };
}

export async function getMemberProfile(store: RowStore, ws: number, publicId: string) {
  const { id, redirectedFrom } = await liveMemberId(store.db, ws, publicId);
  const m = await store.db.selectFrom('members').selectAll().where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirstOrThrow();
  const identities = await store.db.selectFrom('identities').selectAll().where('workspace_id', '=', ws).where('member_id', '=', id).orderBy('id').execute();
  const byName = await store.db
    .selectFrom('events')
    .select((eb) => ['name', eb.fn.countAll<number>().as('count')])
    .where('workspace_id', '=', ws)
    .where('member_id', '=', id)
    .groupBy('name')
    .orderBy('count', 'desc')
    .execute();
  const merges = await store.db
    .selectFrom('member_merges')
    .selectAll()
    .where('workspace_id', '=', ws)
    .where((eb) => eb.or([eb('member_id', '=', id), eb('other_member_id', '=', id)]))
    .orderBy('id')
    .execute();
  return {
    ...summary(m, [...new Set(identities.map((i) => i.platform))].sort()),
    traits: JSON.parse(m.traits) as Record<string, unknown>,
    identities: identities.map((i) => ({
      platform: i.platform,
      kind: i.kind as 'user_id' | 'anonymous_id' | 'email' | 'phone' | 'handle',
      value: i.value,
      verified: i.verified === 1,
      createdAt: microsToIso(i.created_at),
    })),
    eventsByName: byName.map((b) => ({ name: b.name, count: Number(b.count) })),
    merges: merges.map((r) => ({
      kind: r.kind,
      memberId: memberPublicId(r.member_id),
      otherMemberId: memberPublicId(r.other_member_id),
      reason: r.reason,
      identity: r.identity ? (JSON.parse(r.identity) as { platform: string; kind: 'user_id'; value: string }) : null,
      at: microsToIso(r.created_at),
    })),
    ...(redirectedFrom !== undefined ? { redirectedFrom: memberPublicId(redirectedFrom) } : {}),
  };
}

const encodeCursor = (parts: (number | string)[]) => Buffer.from(parts.join(':')).toString('base64url');
function decodeCursor(cursor: string | undefined, n: number): number[] | undefined {
  if (cursor === undefined) return undefined;
  const parts = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (parts.length !== n || parts.some((p) => !Number.isFinite(p))) throw invalid('cursor is not valid', 'cursor');
  return parts;
}

/** Search by display name (contains) or identity value (prefix); no query → most recently seen first. */
export async function searchMembers(store: RowStore, ws: number, opts: { query?: string; limit: number; cursor?: string }) {
  const q = opts.query?.trim() ?? '';
  let rows: MemberRow[];
  let nextCursor: string | null = null;
  if (q === '') {
    const c = decodeCursor(opts.cursor, 2);
    let qb = store.db.selectFrom('members').selectAll().where('workspace_id', '=', ws).where('merged_into', 'is', null).where('last_seen', 'is not', null);
    if (c) qb = qb.where((eb) => eb.or([eb('last_seen', '<', c[0]!), eb.and([eb('last_seen', '=', c[0]!), eb('id', '<', c[1]!)])]));
    rows = await qb.orderBy('last_seen', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
    const last = rows[rows.length - 1];
    if (rows.length === opts.limit && last) nextCursor = encodeCursor([last.last_seen ?? 0, last.id]);
  } else {
    // Identity values are stored normalised (emails and handles lower-cased), so a prefix search tries both cases.
    const prefixes = [...new Set([q, q.toLowerCase()])];
    const byIdentity = (
      await Promise.all(
        prefixes.map((p) =>
          store.db.selectFrom('identities').select('member_id').where('workspace_id', '=', ws).where('value', '>=', p).where('value', '<', p + '\uffff').limit(opts.limit).execute(),
        ),
      )
    ).flat();
    const like = `%${q.replace(/[\\%_]/g, (ch) => '\\' + ch)}%`;
    const byName = await store.db
      .selectFrom('members')
      .select('id as member_id')
      .where('workspace_id', '=', ws)
      .where('merged_into', 'is', null)
      .where(sql<boolean>`display_name LIKE ${like} ESCAPE '\\'`)
      .limit(opts.limit)
      .execute();
    const ids = [...new Set([...byName, ...byIdentity].map((r) => r.member_id))].slice(0, opts.limit);
    rows = ids.length ? await store.db.selectFrom('members').selectAll().where('workspace_id', '=', ws).where('id', 'in', ids).execute() : [];
    rows.sort((a, b) => (b.last_seen ?? 0) - (a.last_seen ?? 0));
  }
  const platforms = await platformsOf(store, ws, rows.map((r) => r.id));
  return { members: rows.map((r) => summary(r, platforms.get(r.id) ?? [])), nextCursor };
}

/** Events the member did or that were about them, newest first; cursor = (ts, seq) of the last row shown. */
export async function memberTimeline(store: RowStore, ws: number, publicId: string, opts: { limit: number; cursor?: string }) {
  const { id } = await liveMemberId(store.db, ws, publicId);
  const c = decodeCursor(opts.cursor, 2);
  const page = async (column: 'member_id' | 'target_member_id') => {
    let qb = store.db.selectFrom('events').select(['seq', 'event_id', 'type', 'name', 'ts', 'platform', 'member_id', 'target_member_id', 'properties']).where('workspace_id', '=', ws).where(column, '=', id);
    if (c) qb = qb.where((eb) => eb.or([eb('ts', '<', c[0]!), eb.and([eb('ts', '=', c[0]!), eb('seq', '<', c[1]!)])]));
    return qb.orderBy('ts', 'desc').orderBy('seq', 'desc').limit(opts.limit).execute();
  };
  const [acted, about] = await Promise.all([page('member_id'), page('target_member_id')]);
  const merged = new Map<number, (typeof acted)[number]>();
  for (const r of [...acted, ...about]) merged.set(r.seq, r);
  const rows = [...merged.values()].sort((a, b) => b.ts - a.ts || b.seq - a.seq).slice(0, opts.limit);
  const last = rows[rows.length - 1];
  return {
    events: rows.map((r) => ({
      id: r.event_id,
      type: r.type,
      name: r.name,
      timestamp: microsToIso(r.ts),
      platform: r.platform,
      role: (r.member_id === id ? 'actor' : 'target') as 'actor' | 'target',
      actorId: r.member_id === null ? null : memberPublicId(r.member_id),
      targetId: r.target_member_id === null ? null : memberPublicId(r.target_member_id),
      properties: JSON.parse(r.properties) as Record<string, unknown>,
    })),
    nextCursor: rows.length === opts.limit && last ? encodeCursor([last.ts, last.seq]) : null,
  };
}
