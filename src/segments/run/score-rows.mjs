// The row layout of `member_scores` in the row store, shared by the in-process writer (PostgreSQL) and the worker
// thread that writes SQLite. Plain JavaScript because worker threads do not inherit the TypeScript loader.

export const SCORE_COLUMNS = [
  'workspace_id', 'member_id', 'run_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_code', 'rfm_segment',
  'p_alive', 'expected_purchases', 'clv', 'relationship_density', 'value_density', 'potential_density', 'lifecycle_tier', 'communication_tier', 'components',
];

export const SCORE_UPSERT_SUFFIX = `ON CONFLICT (workspace_id, member_id) DO UPDATE SET ${SCORE_COLUMNS.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}`;

const round = (v, digits) => (Number.isNaN(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const score = (v) => (v === 0 ? null : v);

/** The components document of member i: `{"key":value,…}` in spec order, NaN as null. */
export function componentsJson(c, i) {
  let s = '{';
  for (let k = 0; k < c.componentSpec.length; k++) {
    const spec = c.componentSpec[k];
    const v = c.componentValues[k][i];
    s += `${k === 0 ? '' : ','}"${spec.key}":${Number.isNaN(v) ? 'null' : Math.round(v * 10 ** spec.digits) / 10 ** spec.digits}`;
  }
  return s + '}';
}

/** Pushes member i's parameters in SCORE_COLUMNS order onto `out`. */
export function pushScoreRow(out, c, i, ws, runId) {
  const r = c.r[i];
  out.push(
    ws,
    c.memberId[i],
    runId,
    round(c.recencyDays[i], 3),
    round(c.frequency[i], 0),
    round(c.monetary[i], 0),
    score(r),
    score(c.f[i]),
    score(c.m[i]),
    r === 0 ? null : `${r}${c.f[i]}${c.m[i]}`,
    c.rfmSegment[i],
    round(c.pAlive[i], 6),
    round(c.expectedPurchases[i], 4),
    round(c.clv[i], 2),
    round(c.relationship[i], 2),
    round(c.value[i], 2),
    round(c.potential[i], 2),
    c.lifecycle[i],
    c.communication[i],
    componentsJson(c, i),
  );
}
