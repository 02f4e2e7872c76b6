/**
 * Test fixtures for segments: writes members and events into a real in-memory DuckDB, derives the same facts for
 * the in-memory evaluator, and runs a segment both ways.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import {
  compileSegment,
  evaluateSegment,
  SCORE_NAMES,
  TIER_NAMES,
  type MemberFacts,
  type ScoreName,
  type SegmentNode,
  type TierName,
} from '../../src/segments/index.ts';
import type { ColumnStore } from '../../src/store/index.ts';

export interface TestMember {
  id: number;
  traits: Record<string, unknown>;
  scores: Partial<Record<ScoreName, number | null>>;
  tiers: Partial<Record<TierName, string | null>>;
}

export interface TestEvent {
  name: string;
  /** Microseconds since the epoch. */
  ts: number;
  actor: number | null;
  target: number | null;
  type?: string;
}

const COLUMNS = ['workspace_id', 'member_id', 'computed_at', 'traits', ...SCORE_NAMES, ...TIER_NAMES];

export async function insertMembers(cs: ColumnStore, workspaceId: number, members: readonly TestMember[]): Promise<void> {
  if (members.length === 0) return;
  const params: DuckDBValue[] = [];
  const bind = (v: DuckDBValue) => `$${params.push(v)}`;
  const rows = members.map((m) => {
    const values = [
      bind(workspaceId),
      bind(m.id),
      `TIMESTAMP '2024-01-01'`,
      `CAST(${bind(JSON.stringify(m.traits))} AS JSON)`,
      ...SCORE_NAMES.map((s) => bind(scoreParam(m.scores[s]))),
      ...TIER_NAMES.map((t) => bind(m.tiers[t] ?? null)),
    ];
    return `(${values.join(', ')})`;
  });
  await cs.run(`INSERT INTO member_scores (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`, params);
}

// The driver binds integral numbers as INTEGER/BIGINT and rejects 1e20; as text DuckDB casts it to the same double.
const scoreParam = (v: number | null | undefined): DuckDBValue =>
  v === null || v === undefined ? null : Number.isInteger(v) && !Number.isSafeInteger(v) ? String(v) : v;

export async function insertEvents(cs: ColumnStore, workspaceId: number, events: readonly TestEvent[]): Promise<void> {
  if (events.length === 0) return;
  const params: DuckDBValue[] = [];
  const bind = (v: DuckDBValue) => `$${params.push(v)}`;
  const rows = events.map((e, i) => {
    const ts = `make_timestamp(CAST(${bind(e.ts)} AS BIGINT))`;
    return `(${[bind(i), bind(workspaceId), bind(`evt_${workspaceId}_${i}`), bind(e.type ?? 'track'), bind(e.name), ts, ts, `'app'`, bind(e.actor), bind(e.target), `'{}'`].join(', ')})`;
  });
  await cs.run(
    `INSERT INTO events (seq, workspace_id, event_id, type, name, ts, received_at, platform, member_id, target_member_id, properties) VALUES ${rows.join(', ')}`,
    params,
  );
}

/** The member as the evaluator sees it: its own events per role, without merge/unmerge bookkeeping. */
export function factsOf(member: TestMember, events: readonly TestEvent[]): MemberFacts {
  const counted = events.filter((e) => e.type !== 'merge' && e.type !== 'unmerge');
  return {
    traits: member.traits,
    scores: member.scores,
    tiers: member.tiers,
    events: [
      ...counted.filter((e) => e.actor === member.id).map((e) => ({ name: e.name, ts: e.ts, role: 'actor' as const })),
      ...counted.filter((e) => e.target === member.id).map((e) => ({ name: e.name, ts: e.ts, role: 'target' as const })),
    ],
  };
}

/** Member ids the compiled SQL selects, sorted, duplicates kept (a duplicate is a bug worth seeing). */
export async function selectBySql(cs: ColumnStore, node: SegmentNode, workspaceId: number, asOf: number): Promise<number[]> {
  const { sql, params } = compileSegment(node, { workspaceId, asOf });
  const rows = await cs.query<{ member_id: bigint }>(sql, params);
  return rows.map((r) => Number(r.member_id)).sort((a, b) => a - b);
}

export function selectInMemory(node: SegmentNode, members: readonly TestMember[], events: readonly TestEvent[], asOf: number): number[] {
  return members
    .filter((m) => evaluateSegment(node, factsOf(m, events), asOf))
    .map((m) => m.id)
    .sort((a, b) => a - b);
}
