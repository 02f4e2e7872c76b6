/**
 * Scoring as the API and CLI use it: the workspace's settings, running a scoring run, the latest report, one
 * member's scores with the reasons behind them, and the flows between tiers across runs.
 */
import { AppError, memberPublicId, notFound, parseMemberPublicId, type DomainEvents } from '../core/index.ts';
import { RFM_SEGMENT_RULES, scoringSettings, type ScoringSettings } from '../models/index.ts';
import { readSetting, workspaceOfRange, writeSetting, type ColumnStore, type RowStore } from '../store/index.ts';
import { scoreMembers, type ScoringReport } from './run/score-members.ts';
import { unpackComponents } from './run/score-rows.mjs';
import { COMMUNICATION_TIERS } from './tiers/communication.ts';
import { LIFECYCLE_RULES } from './tiers/lifecycle.ts';

const SETTINGS_KEY = 'scoring';

export async function loadScoringSettings(rows: RowStore, ws: number): Promise<ScoringSettings> {
  return scoringSettings.parse((await readSetting(rows.db, ws, SETTINGS_KEY)) ?? {});
}

/** Validates (a ZodError names the field) and stores the settings; returns them with defaults filled in. */
export async function saveScoringSettings(rows: RowStore, ws: number, input: unknown, now: number): Promise<ScoringSettings> {
  const settings = scoringSettings.parse(input);
  await writeSetting(rows.db, ws, SETTINGS_KEY, settings, now);
  return settings;
}

/** Workspaces with a run under way, per store: two runs would interleave their writes to the same rows. */
const running = new WeakMap<RowStore, Set<number>>();

export async function runScoring(
  rows: RowStore,
  cols: ColumnStore,
  ws: { id: number; timeZone: string },
  opts: { asOf?: number; now: number; events?: DomainEvents },
): Promise<ScoringReport> {
  let busy = running.get(rows);
  if (!busy) running.set(rows, (busy = new Set()));
  if (busy.has(ws.id)) throw new AppError('conflict', 'a scoring run of this workspace is already under way; try again when it has finished');
  busy.add(ws.id);
  try {
    return await runOnce(rows, cols, ws, opts);
  } finally {
    busy.delete(ws.id);
  }
}

async function runOnce(rows: RowStore, cols: ColumnStore, ws: { id: number; timeZone: string }, opts: { asOf?: number; now: number; events?: DomainEvents }): Promise<ScoringReport> {
  const settings = await loadScoringSettings(rows, ws.id);
  const report = await scoreMembers(rows, cols, ws, settings, { asOf: opts.asOf ?? opts.now, now: opts.now });
  opts.events?.emit('scoring.completed', {
    workspaceId: ws.id,
    runId: report.runId,
    asOf: report.asOf,
    members: report.members,
    tierChanges: report.tierChanges,
    segmentChanges: report.segments.reduce((n, s) => n + s.entered + s.left, 0),
  });
  return report;
}

export interface MembershipChange {
  id: number;
  runId: number;
  memberId: string;
  /** 'lifecycle_tier' | 'communication_tier' | 'segment' */
  kind: string;
  /** The tier kind, or the segment key. */
  subject: string;
  /** Null: entered (first scored, or joined the segment). */
  from: string | null;
  /** Null: left (merged away, or left the segment). */
  to: string | null;
  at: number;
}

/** Tier and segment changes, oldest first, optionally of one run, kind or subject; paged by change id. */
export async function membershipChanges(
  rows: RowStore,
  ws: number,
  q: { runId?: number; kind?: string; subject?: string; after?: number; limit: number },
): Promise<{ changes: MembershipChange[]; next: number | null }> {
  // One run's changes come by its index in id order; all of them, as a range of ids (`workspaceOfRange`).
  let query = rows.db.selectFrom('membership_changes').selectAll().where(q.runId === undefined ? workspaceOfRange : 'workspace_id', '=', ws);
  if (q.runId !== undefined) query = query.where('run_id', '=', q.runId);
  if (q.kind !== undefined) query = query.where('kind', '=', q.kind);
  if (q.subject !== undefined) query = query.where('subject', '=', q.subject);
  if (q.after !== undefined) query = query.where('id', '>', q.after);
  const r = await query.orderBy('id').limit(q.limit + 1).execute();
  const page = r.slice(0, q.limit).map((c) => ({
    id: Number(c.id),
    runId: Number(c.run_id),
    memberId: memberPublicId(Number(c.member_id)),
    kind: c.kind,
    subject: c.subject,
    from: c.from_value,
    to: c.to_value,
    at: c.at,
  }));
  return { changes: page, next: r.length > q.limit ? page[page.length - 1]!.id : null };
}

export interface RunSummary {
  runId: number;
  status: string;
  asOf: number;
  startedAt: number;
  finishedAt: number | null;
  report: ScoringReport | { error: string } | null;
}

export async function scoringRuns(rows: RowStore, ws: number, limit = 20): Promise<RunSummary[]> {
  const r = await rows.db.selectFrom('scoring_runs').selectAll().where('workspace_id', '=', ws).orderBy('id', 'desc').limit(limit).execute();
  return r.map((x) => ({
    runId: Number(x.id),
    status: x.status,
    asOf: x.as_of,
    startedAt: x.started_at,
    finishedAt: x.finished_at,
    report: x.report ? (JSON.parse(x.report) as ScoringReport) : null,
  }));
}

export async function latestReport(rows: RowStore, ws: number): Promise<ScoringReport | null> {
  const r = await rows.db.selectFrom('scoring_runs').select('report').where('workspace_id', '=', ws).where('status', '=', 'done').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r?.report ? (JSON.parse(r.report) as ScoringReport) : null;
}

/** The rules as operators read them: RFM grid, lifecycle rules with this workspace's thresholds, tier cuts. */
export function scoringRules(s: ScoringSettings) {
  return {
    /** Per dimension: the four cut points, or null for quintiles with shared ties. */
    rfmScoring: {
      recencyDays: s.rfmThresholds.recencyDays ?? null,
      frequency: s.rfmThresholds.frequency ?? null,
      monetary: s.rfmThresholds.monetary ?? null,
    },
    rfm: RFM_SEGMENT_RULES.map((r) => ({ segment: r.segment, r: [r.r[0], r.r[1]] as [number, number], f: [r.f[0], r.f[1]] as [number, number], why: r.why })),
    lifecycle: LIFECYCLE_RULES.map((r) => ({ tier: r.tier, rule: r.describe(s.lifecycle) })),
    communication: {
      score: s.communication.score,
      tiers: [...COMMUNICATION_TIERS],
      corePercent: s.communication.corePercent,
      potentialPercent: s.communication.potentialPercent,
    },
  };
}

export interface MemberScores {
  memberId: string;
  runId: number;
  rfm: { recencyDays: number | null; frequency: number | null; monetary: number | null; r: number | null; f: number | null; m: number | null; code: string | null; segment: string | null };
  clv: { pAlive: number | null; expectedPurchases: number | null; value: number | null };
  densities: { relationship: number | null; value: number | null; potential: number | null };
  components: Record<string, number | null>;
  lifecycleTier: string | null;
  communicationTier: string | null;
}

export async function memberScores(rows: RowStore, ws: number, publicId: string): Promise<MemberScores | null> {
  const id = parseMemberPublicId(publicId);
  if (id === undefined) throw notFound('member', publicId);
  const s = await rows.db.selectFrom('member_scores').selectAll().where('workspace_id', '=', ws).where('member_id', '=', id).executeTakeFirst();
  if (!s) return null;
  return {
    memberId: memberPublicId(id),
    runId: Number(s.run_id),
    rfm: { recencyDays: s.recency_days, frequency: s.frequency, monetary: s.monetary, r: s.r_score, f: s.f_score, m: s.m_score, code: s.rfm_code, segment: s.rfm_segment },
    clv: { pAlive: s.p_alive, expectedPurchases: s.expected_purchases, value: s.clv },
    densities: { relationship: s.relationship_density, value: s.value_density, potential: s.potential_density },
    components: unpackComponents(s.components),
    lifecycleTier: s.lifecycle_tier,
    communicationTier: s.communication_tier,
  };
}

export interface TierFlow {
  runId: number;
  asOf: number;
  sizes: Record<string, number>;
  /** Members who moved from one tier to another since the previous run (new members come from null). */
  moves: { from: string | null; to: string | null; members: number }[];
}

/** Lifecycle (or communication) tier sizes per run and the moves between consecutive runs, oldest first. */
export async function tierFlows(rows: RowStore, ws: number, kind: 'lifecycle_tier' | 'communication_tier', runs = 12): Promise<TierFlow[]> {
  const recent = (await scoringRuns(rows, ws, runs * 2)).filter((r) => r.status === 'done').slice(0, runs).reverse();
  if (recent.length === 0) return [];
  const moves = await rows.db
    .selectFrom('membership_changes')
    .select(['run_id', 'from_value', 'to_value', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', ws)
    .where('kind', '=', kind)
    .where('run_id', 'in', recent.map((r) => r.runId))
    .groupBy(['run_id', 'from_value', 'to_value'])
    .execute();
  return recent.map((r) => {
    const report = r.report as ScoringReport;
    return {
      runId: r.runId,
      asOf: r.asOf,
      sizes: kind === 'lifecycle_tier' ? report.sizes.lifecycle : report.sizes.communication,
      moves: moves.filter((m) => Number(m.run_id) === r.runId).map((m) => ({ from: m.from_value, to: m.to_value, members: Number(m.n) })),
    };
  });
}
