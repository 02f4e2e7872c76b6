/** The "Members value" page's charts over the member dimension: the RFM grid and the lifetime-value histogram. */
import type { ColumnStore } from '../store/index.ts';

export interface RfmCell {
  r: number;
  f: number;
  members: number;
  /** Mean monetary score of the cell (1–5). */
  meanM: number;
  segment: string;
}

export async function rfmGrid(cols: ColumnStore, ws: number): Promise<RfmCell[]> {
  const r = await cols.query<{ r: number; f: number; n: bigint; m: number; segment: string }>(
    `SELECT r_score AS r, f_score AS f, count(*) AS n, avg(m_score) AS m, any_value(rfm_segment) AS segment
       FROM member_scores WHERE workspace_id = $1 AND r_score IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    [ws],
  );
  return r.map((x) => ({ r: Number(x.r), f: Number(x.f), members: Number(x.n), meanM: Math.round(x.m * 100) / 100, segment: x.segment }));
}

export interface ClvHistogram {
  /** Bucket lower bounds in the smallest currency unit; the last bucket is open-ended (the top 1 %). */
  buckets: { from: number; to: number | null; members: number }[];
  buyers: number;
  mean: number | null;
  median: number | null;
  p90: number | null;
}

/** 20 equal-width buckets up to the 99th percentile and one for the rest: a few whales do not flatten the chart. */
export async function clvHistogram(cols: ColumnStore, ws: number): Promise<ClvHistogram> {
  const stats = await cols.query<{ n: bigint; mean: number | null; median: number | null; p90: number | null; p99: number | null }>(
    `SELECT count(clv) AS n, avg(clv) AS mean, quantile_cont(clv, 0.5) AS median, quantile_cont(clv, 0.9) AS p90, quantile_cont(clv, 0.99) AS p99
       FROM member_scores WHERE workspace_id = $1 AND clv IS NOT NULL`,
    [ws],
  );
  const s = stats[0]!;
  const n = Number(s.n);
  if (n === 0 || s.p99 === null) return { buckets: [], buyers: 0, mean: null, median: null, p90: null };
  const width = Math.max(s.p99 / 20, 1e-9);
  const counts = await cols.query<{ b: number; n: bigint }>(
    `SELECT least(floor(clv / $2), 20)::INTEGER AS b, count(*) AS n FROM member_scores WHERE workspace_id = $1 AND clv IS NOT NULL GROUP BY 1`,
    [ws, width],
  );
  const byBucket = new Map(counts.map((c) => [Number(c.b), Number(c.n)]));
  const buckets = Array.from({ length: 21 }, (_, b) => ({ from: b * width, to: b === 20 ? null : (b + 1) * width, members: byBucket.get(b) ?? 0 }));
  return { buckets, buyers: n, mean: s.mean, median: s.median, p90: s.p90 };
}
