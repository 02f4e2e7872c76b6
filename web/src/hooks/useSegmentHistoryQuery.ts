/**
 * A segment's membership history: who entered and left it at the most recent scoring runs, newest run first.
 *
 * GET /v1/scoring/changes pages oldest first, so "the latest changes" are found through the runs instead: the
 * recent runs (GET /v1/scoring/runs) report per segment how many members entered and left, and only the runs
 * where this segment changed are asked for their changes (`run=`), newest first, until HISTORY_LIMIT are shown.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MembershipChangeBody } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';
import { SCORING_KEY } from './useMemberValueQuery.ts';

/** How many recent runs are searched for changes, and how many changes are shown at most. */
export const HISTORY_RUNS = 20;
export const HISTORY_LIMIT = 50;

export type MembershipChange = MembershipChangeBody;

interface ChangesPage {
  changes: MembershipChange[];
  next: number | null;
}

interface SegmentCounts {
  key: string;
  members: number;
  entered: number;
  left: number;
}

interface RunSummary {
  runId: number;
  status: string;
  asOf: number;
  startedAt: number;
  finishedAt: number | null;
  report: unknown;
}

export interface RunInfo {
  runId: number;
  /** When the run finished (or its as-of time), microseconds UTC. */
  at: number;
}

export interface SegmentRunChanges extends SegmentCounts, RunInfo {
  /** The changes shown for this run (fewer than entered + left when the limit cut them). */
  changes: MembershipChange[];
}

export interface SegmentHistory {
  /** The latest finished run, or null before the first one. */
  lastRun: RunInfo | null;
  /** The segment's size after the latest finished run; null when it was not evaluated then (saved later). */
  lastMembers: number | null;
  /** Runs where members entered or left, newest first. */
  runs: SegmentRunChanges[];
}

function segmentCounts(report: unknown, key: string): SegmentCounts | null {
  if (typeof report !== 'object' || report === null) return null;
  const list = (report as { segments?: unknown }).segments;
  if (!Array.isArray(list)) return null;
  const found = (list as SegmentCounts[]).find((s) => s && s.key === key);
  return found && typeof found.members === 'number' ? found : null;
}

export async function fetchSegmentHistory(key: string, signal?: AbortSignal): Promise<SegmentHistory> {
  const { runs } = await apiGet<{ runs: RunSummary[] }>('/v1/scoring/runs', { limit: HISTORY_RUNS }, signal);
  const done = runs.filter((r) => r.status === 'done');
  const latest = done[0];
  const lastRun = latest ? { runId: latest.runId, at: latest.finishedAt ?? latest.asOf } : null;
  const out: SegmentRunChanges[] = [];
  let room = HISTORY_LIMIT;
  for (const run of done) {
    const counts = segmentCounts(run.report, key);
    if (!counts || counts.entered + counts.left === 0) continue;
    const info = { ...counts, runId: run.runId, at: run.finishedAt ?? run.asOf };
    if (room === 0) {
      out.push({ ...info, changes: [] });
      continue;
    }
    const page = await apiGet<ChangesPage>('/v1/scoring/changes', { kind: 'segment', subject: key, run: run.runId, limit: room }, signal);
    room -= page.changes.length;
    out.push({ ...info, changes: page.changes });
  }
  return { lastRun, lastMembers: latest ? (segmentCounts(latest.report, key)?.members ?? null) : null, runs: out };
}

export function useSegmentHistoryQuery(key: string): UseQueryResult<SegmentHistory> {
  return useQuery({
    queryKey: [SCORING_KEY, 'segmentHistory', key],
    queryFn: ({ signal }) => fetchSegmentHistory(key, signal),
  });
}
