/**
 * Saved segments: define, list, change, delete; preview a definition (count and a sample); export the members as
 * CSV; check one member in memory. Membership history is kept by `memberships.ts` after each scoring run.
 */
import { AppError, invalid, memberPublicId, notFound, parseMemberPublicId, z } from '../core/index.ts';
import { cachedQuery, placeholderList, type ColumnStore, type RowStore, type SegmentsTable } from '../store/index.ts';
import type { Selectable } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { memberEventsInWindow } from '../ingest/index.ts';
import { memberTraitsById } from '../members/index.ts';
import { compileSegment } from './compile-sql.ts';
import { evaluateSegment, type MemberEvent } from './evaluate.ts';
import { MICROS_PER_DAY, SCORE_NAMES, TIER_NAMES, type SegmentNode } from './ast.ts';
import { parseSegment } from './parse.ts';

export const segmentKey = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, - and _ (at most 64)');

export interface Segment {
  key: string;
  name: string;
  definition: SegmentNode;
  createdAt: number;
  updatedAt: number;
}

const toSegment = (r: Selectable<SegmentsTable>): Segment => ({
  key: r.key,
  name: r.name,
  definition: JSON.parse(r.definition) as SegmentNode,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listSegments(rows: RowStore, ws: number): Promise<Segment[]> {
  return (await segmentRows(rows, ws)).map(toSegment);
}

/** The stored rows, with their internal ids (the membership job keys memberships by them). */
export function segmentRows(rows: RowStore, ws: number): Promise<Selectable<SegmentsTable>[]> {
  return rows.db.selectFrom('segments').selectAll().where('workspace_id', '=', ws).orderBy('key').execute();
}

async function segmentRow(rows: RowStore, ws: number, key: string): Promise<Selectable<SegmentsTable>> {
  const r = await rows.db.selectFrom('segments').selectAll().where('workspace_id', '=', ws).where('key', '=', key).executeTakeFirst();
  if (!r) throw notFound('segment', key);
  return r;
}

export async function getSegment(rows: RowStore, ws: number, key: string): Promise<Segment> {
  return toSegment(await segmentRow(rows, ws, key));
}

export async function saveSegment(rows: RowStore, ws: number, input: { key: string; name: string; definition: unknown }, now: number, mode: 'create' | 'update'): Promise<Segment> {
  const parsedKey = segmentKey.safeParse(input.key);
  if (!parsedKey.success) throw invalid(`key: ${parsedKey.error.issues[0]?.message ?? 'invalid'}`, 'key');
  const key = parsedKey.data;
  const definition = parseSegment(input.definition, 'definition');
  const existing = await rows.db.selectFrom('segments').select('id').where('workspace_id', '=', ws).where('key', '=', key).executeTakeFirst();
  if (mode === 'create' && existing) throw new AppError('conflict', `segment ${key} already exists`, { field: 'key' });
  if (mode === 'update' && !existing) throw notFound('segment', key);
  if (existing) {
    await rows.db.updateTable('segments').set({ name: input.name, definition: JSON.stringify(definition), updated_at: now }).where('id', '=', existing.id).execute();
  } else {
    await rows.db.insertInto('segments').values({ workspace_id: ws, key, name: input.name, definition: JSON.stringify(definition), created_at: now, updated_at: now }).execute();
  }
  return getSegment(rows, ws, key);
}

export async function deleteSegment(rows: RowStore, ws: number, key: string): Promise<void> {
  const r = await segmentRow(rows, ws, key);
  await rows.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('segment_members').where('workspace_id', '=', ws).where('segment_id', '=', r.id).execute();
    await trx.deleteFrom('segments').where('id', '=', r.id).execute();
  });
}

/** Members of a definition in the member dimension of the last scoring run, as internal ids (ascending). */
export async function segmentMemberIds(cols: ColumnStore, ws: number, definition: SegmentNode, asOf: number): Promise<number[]> {
  const { sql, params } = compileSegment(definition, { workspaceId: ws, asOf });
  const r = await cols.queryColumns(`SELECT member_id::DOUBLE AS member_id FROM (${sql}) ORDER BY member_id`, params);
  return r['member_id'] as number[];
}

export async function previewSegment(cols: ColumnStore, ws: number, definition: unknown, asOf: number, sample = 20): Promise<{ count: number; scored: number; sample: string[] }> {
  const node = parseSegment(definition, 'definition');
  const ids = await segmentMemberIds(cols, ws, node, asOf);
  const scored = await cols.query<{ n: bigint }>('SELECT count(*) AS n FROM member_scores WHERE workspace_id = $1', [ws]);
  return { count: ids.length, scored: Number(scored[0]?.n ?? 0), sample: ids.slice(0, sample).map(memberPublicId) };
}

/** Rows of a segment export: the member and the scores an operator sorts by. */
export async function segmentExportRows(cols: ColumnStore, ws: number, definition: SegmentNode, asOf: number): Promise<Record<string, unknown>[]> {
  const { sql, params } = compileSegment(definition, { workspaceId: ws, asOf });
  const rows = await cols.query<Record<string, unknown>>(
    `SELECT s.member_id, s.lifecycle_tier, s.communication_tier, s.rfm_segment, s.rfm_code, s.clv, s.p_alive,
            s.relationship_density, s.value_density, s.potential_density, json_extract_string(s.traits, '$.name') AS name
       FROM member_scores s JOIN (${sql}) m ON m.member_id = s.member_id
      WHERE s.workspace_id = $1 ORDER BY s.member_id`,
    params,
  );
  return rows.map((r) => ({ ...r, member_id: memberPublicId(Number(r['member_id'])) }));
}

export const SEGMENT_EXPORT_COLUMNS = ['member_id', 'name', 'lifecycle_tier', 'communication_tier', 'rfm_segment', 'rfm_code', 'clv', 'p_alive', 'relationship_density', 'value_density', 'potential_density'];

/** The export as CSV text with a header row (what the API serves and the CLI writes). */
export async function segmentCsv(cols: ColumnStore, ws: number, definition: SegmentNode, asOf: number): Promise<string> {
  return stringify(await segmentExportRows(cols, ws, definition, asOf), { header: true, columns: SEGMENT_EXPORT_COLUMNS });
}

/** Thrown by the event-less first evaluation when a node needs the member's events. */
const NEEDS_EVENTS = Symbol('needs events');

/** What a definition's event counts need: the longest window, the event names, and which roles. */
function eventNeeds(node: SegmentNode, acc = { window: 0, names: new Set<string>(), actor: false, target: false }) {
  switch (node.kind) {
    case 'and':
    case 'or':
      for (const n of node.of) eventNeeds(n, acc);
      break;
    case 'not':
      eventNeeds(node.of, acc);
      break;
    case 'event_count':
      acc.window = Math.max(acc.window, node.windowDays);
      acc.names.add(node.event);
      if ((node.role ?? 'actor') === 'actor') acc.actor = true;
      else acc.target = true;
      break;
    default:
  }
  return acc;
}

/** Whether one member is in a segment now, evaluated in memory from the row store (no column store needed). */
export async function checkMember(rows: RowStore, ws: number, definition: SegmentNode, publicId: string, asOf: number): Promise<boolean> {
  const id = parseMemberPublicId(publicId);
  if (id === undefined) throw notFound('member', publicId);
  const m = await memberTraitsById(rows.db, rows.dialect, ws, id);
  if (!m) throw notFound('member', publicId);
  if (m.mergedInto !== null) return checkMember(rows, ws, definition, memberPublicId(m.mergedInto), asOf);
  // A raw cached statement: this runs per request in real time, where building a query costs as much as running it.
  const d = rows.dialect;
  const [s] = await cachedQuery<Record<string, number | string | null>>(
    rows.db,
    `${d}|check_scores`,
    () => `SELECT ${[...SCORE_NAMES, ...TIER_NAMES].join(', ')} FROM member_scores WHERE workspace_id = ${placeholderList(d, 1)} AND member_id = ${placeholderList(d, 1, 1)}`,
    [ws, id],
  );
  const scores: Record<string, number | null> = {};
  const tiers: Record<string, string | null> = {};
  for (const k of SCORE_NAMES) scores[k] = s ? (s[k] as number | null) : null;
  for (const k of TIER_NAMES) tiers[k] = s ? (s[k] as string | null) : null;
  // First without events: and/or stop at the first deciding child, so tiers, scores and traits often settle it.
  const noEvents = () => {
    throw NEEDS_EVENTS;
  };
  try {
    return evaluateSegment(definition, { traits: m.traits, scores, tiers, events: noEvents }, asOf);
  } catch (err) {
    if (err !== NEEDS_EVENTS) throw err;
  }
  // Then with only the events the definition counts: its names, its roles, its longest window.
  const need = eventNeeds(definition);
  const window = { memberId: id, since: asOf - need.window * MICROS_PER_DAY, until: asOf, names: [...need.names] };
  const events: MemberEvent[] = [];
  if (need.actor) for (const e of await memberEventsInWindow(rows, ws, { ...window, role: 'actor' })) events.push({ ...e, role: 'actor' });
  if (need.target) for (const e of await memberEventsInWindow(rows, ws, { ...window, role: 'target' })) events.push({ ...e, role: 'target' });
  return evaluateSegment(definition, { traits: m.traits, scores, tiers, events }, asOf);
}
