// The row layout of `member_scores` in the row store, shared by the in-process writer (PostgreSQL) and the worker
// thread that writes SQLite. Plain JavaScript because worker threads do not inherit the TypeScript loader.

export const SCORE_COLUMNS = [
  'workspace_id', 'member_id', 'run_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_code', 'rfm_segment',
  'p_alive', 'expected_purchases', 'clv', 'relationship_density', 'value_density', 'potential_density', 'lifecycle_tier', 'communication_tier', 'components',
];

export const SCORE_UPSERT_SUFFIX = `ON CONFLICT (workspace_id, member_id) DO UPDATE SET ${SCORE_COLUMNS.slice(2).map((c) => `${c} = excluded.${c}`).join(', ')}`;

const round = (v, digits) => (Number.isNaN(v) ? null : Math.round(v * 10 ** digits) / 10 ** digits);
const score = (v) => (v === 0 ? null : v);

/**
 * The components stored with each member, in this order: the ranks (0–1) behind the densities, then the raw
 * figures. `digits` is the precision they are shown with.
 */
export const COMPONENT_SPEC = [
  ...['interaction', 'content', 'bond', 'ltv', 'arpu', 'breadth', 'trend', 'predicted'].map((key) => ({ key, digits: 4 })),
  { key: 'interactions', digits: 0 },
  { key: 'contributions', digits: 0 },
  { key: 'categories', digits: 0 },
  { key: 'revenue', digits: 0 },
  { key: 'weeklySlope', digits: 4 },
  { key: 'predictedActivity', digits: 2 },
  { key: 'lastActiveDays', digits: 2 },
  { key: 'firstSeenDays', digits: 2 },
];

/** All members' components as one row-major Float64Array (member i at [i·k, (i+1)·k)). */
export function packComponents(c) {
  const k = COMPONENT_SPEC.length;
  if (c.componentValues.length !== k) throw new Error(`expected ${k} component columns, got ${c.componentValues.length}`);
  const packed = new Float64Array(c.n * k);
  for (let j = 0; j < k; j++) {
    const col = c.componentValues[j];
    for (let i = 0; i < c.n; i++) packed[i * k + j] = col[i];
  }
  return packed;
}

/** Reads one member's packed components back into { key: value } (NaN → null), rounded as COMPONENT_SPEC says. */
export function unpackComponents(bytes) {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const values = new Float64Array(copy.buffer);
  const out = {};
  COMPONENT_SPEC.forEach((spec, j) => {
    const v = values[j];
    out[spec.key] = v === undefined || Number.isNaN(v) ? null : Math.round(v * 10 ** spec.digits) / 10 ** spec.digits;
  });
  return out;
}

/** Pushes member i's parameters in SCORE_COLUMNS order onto `out`; `packed` comes from packComponents. */
export function pushScoreRow(out, c, i, ws, runId, packed) {
  const k = COMPONENT_SPEC.length;
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
    Buffer.from(packed.buffer, packed.byteOffset + i * k * 8, k * 8),
  );
}

export const CHANGE_COLUMNS = ['workspace_id', 'run_id', 'member_id', 'kind', 'subject', 'from_value', 'to_value', 'at'];

/**
 * Tier changes against the previous run: `before` is [member id, lifecycle tier, communication tier] sorted by member
 * id, like the new columns, so one merge pass finds who entered, moved or left (left: merged away). Rows are in
 * CHANGE_COLUMNS order.
 */
export function tierChangeRows(before, c, ws, runId, now) {
  const out = [];
  const change = (memberId, kind, from, to) => out.push([ws, runId, memberId, kind, kind, from, to, now]);
  const left = (p) => {
    if (p[1]) change(Number(p[0]), 'lifecycle_tier', p[1], null);
    if (p[2]) change(Number(p[0]), 'communication_tier', p[2], null);
  };
  let j = 0;
  for (let i = 0; i < c.n; i++) {
    const id = c.memberId[i];
    while (j < before.length && Number(before[j][0]) < id) left(before[j++]);
    const p = j < before.length && Number(before[j][0]) === id ? before[j++] : undefined;
    const lc = p ? p[1] : null;
    const cc = p ? p[2] : null;
    if (lc !== c.lifecycle[i]) change(id, 'lifecycle_tier', lc, c.lifecycle[i]);
    if (cc !== c.communication[i]) change(id, 'communication_tier', cc, c.communication[i]);
  }
  while (j < before.length) left(before[j++]);
  return out;
}

const TEXT_COLUMNS = ['rfmSegment', 'lifecycle', 'communication'];

/**
 * The columns as a message for the writer thread: text columns (a few distinct values each) as one-byte codes, since
 * copying three million strings between threads cost more than a second.
 */
export function toMessage(c) {
  const out = { ...c };
  for (const name of TEXT_COLUMNS) {
    const dict = [];
    const at = new Map();
    const codes = new Uint8Array(c.n);
    const values = c[name];
    for (let i = 0; i < c.n; i++) {
      const v = values[i];
      let k = at.get(v);
      if (k === undefined) {
        if (dict.length === 256) throw new Error(`${name}: more than 256 distinct values`);
        at.set(v, (k = dict.length));
        dict.push(v);
      }
      codes[i] = k;
    }
    out[name] = { dict, codes };
  }
  return out;
}

/** The inverse of toMessage. */
export function fromMessage(m) {
  const out = { ...m };
  for (const name of TEXT_COLUMNS) {
    const { dict, codes } = m[name];
    const values = new Array(codes.length);
    for (let i = 0; i < codes.length; i++) values[i] = dict[codes[i]];
    out[name] = values;
  }
  return out;
}
