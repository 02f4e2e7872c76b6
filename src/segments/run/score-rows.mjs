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

/**
 * Pushes member i's parameters in SCORE_COLUMNS order onto `out`; `packed` comes from packComponents. With `coded`
 * (the message form of the columns), texts go as their codes and the RFM code as a number, for codedRowSql.
 */
export function pushScoreRow(out, c, i, ws, runId, packed, coded) {
  const k = COMPONENT_SPEC.length;
  const r = c.r[i];
  const rfmCode = r === 0 ? null : coded ? r * 100 + c.f[i] * 10 + c.m[i] : `${r}${c.f[i]}${c.m[i]}`;
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
    rfmCode,
    coded ? coded.rfmSegment.codes[i] : c.rfmSegment[i],
    round(c.pAlive[i], 6),
    round(c.expectedPurchases[i], 4),
    round(c.clv[i], 2),
    round(c.relationship[i], 2),
    round(c.value[i], 2),
    round(c.potential[i], 2),
    coded ? coded.lifecycle.codes[i] : c.lifecycle[i],
    coded ? coded.communication.codes[i] : c.communication[i],
    Buffer.from(packed.buffer, packed.byteOffset + i * k * 8, k * 8),
  );
}

/**
 * The SQLite worker's form of one row, for multi-row `INSERT … VALUES`: texts are bound as their codes in the run's
 * dictionaries (see toMessage) and expanded by CASE, and the RFM code is built from an integer. Binding a string
 * costs about three times a number in better-sqlite3, and over a million rows that was most of a second.
 * `m` is the message form of the columns; pushScoreRow with `coded` pushes values of this shape.
 */
export function codedRowSql(m) {
  const text = (name) => `CASE ? ${m[name].dict.map((v, k) => `WHEN ${k} THEN ${v === null ? 'NULL' : `'${String(v).replaceAll("'", "''")}'`}`).join(' ')} END`;
  const cells = SCORE_COLUMNS.map((col) => {
    if (col === 'rfm_code') return 'CAST(CAST(? AS INTEGER) AS TEXT)';
    if (col === 'rfm_segment') return text('rfmSegment');
    if (col === 'lifecycle_tier') return text('lifecycle');
    if (col === 'communication_tier') return text('communication');
    return '?';
  });
  return `(${cells.join(',')})`;
}

/**
 * The previous run's tiers, read as one number per member (member id × 128 + lifecycle code × 8 + communication
 * code): a million rows of two strings each took 1.5–2 s to read, as numbers 0.4 s. Names outside the lists (a tier
 * renamed since) are read by name in a second, small query.
 */
export function readPreviousTiers(db, ws, lifecycleNames, communicationNames) {
  if (lifecycleNames.length > 14 || communicationNames.length > 6) throw new Error('too many tier names to pack');
  const quote = (v) => `'${v.replaceAll("'", "''")}'`;
  const code = (col, names, other) => `CASE WHEN ${col} IS NULL THEN 0 ${names.map((n, k) => `WHEN ${col} = ${quote(n)} THEN ${k + 1}`).join(' ')} ELSE ${other} END`;
  const packed = db
    .prepare(`SELECT member_id * 128 + ${code('lifecycle_tier', lifecycleNames, 15)} * 8 + ${code('communication_tier', communicationNames, 7)} FROM member_scores WHERE workspace_id = ? ORDER BY member_id`)
    .pluck(true)
    .all(ws);
  const n = packed.length;
  const memberId = new Float64Array(n);
  const lifecycle = new Array(n);
  const communication = new Array(n);
  let others = false;
  for (let j = 0; j < n; j++) {
    const v = packed[j];
    const low = v % 128;
    memberId[j] = (v - low) / 128;
    const lc = low >> 3;
    const cc = low & 7;
    lifecycle[j] = lc === 0 ? null : lifecycleNames[lc - 1];
    communication[j] = cc === 0 ? null : communicationNames[cc - 1];
    if (lc === 15 || cc === 7) others = true;
  }
  if (others) {
    const list = (names) => names.map(quote).join(', ');
    const rows = db
      .prepare(`SELECT member_id, lifecycle_tier, communication_tier FROM member_scores WHERE workspace_id = ? AND (lifecycle_tier NOT IN (${list(lifecycleNames)}) OR communication_tier NOT IN (${list(communicationNames)})) ORDER BY member_id`)
      .raw(true)
      .all(ws);
    const at = new Map(rows.map((r) => [Number(r[0]), r]));
    for (let j = 0; j < n; j++) {
      const r = at.get(memberId[j]);
      if (r) {
        lifecycle[j] = r[1];
        communication[j] = r[2];
      }
    }
  }
  return { memberId, lifecycle, communication };
}

export const CHANGE_COLUMNS = ['workspace_id', 'run_id', 'member_id', 'kind', 'subject', 'from_value', 'to_value', 'at'];

/**
 * Tier changes against the previous run: `before` holds the previous tiers in columns sorted by member id, like the
 * new columns, so one merge pass finds who entered, moved or left (left: merged away). Rows are in CHANGE_COLUMNS
 * order.
 */
export function tierChangeRows(before, c, ws, runId, now) {
  const out = [];
  const change = (memberId, kind, from, to) => out.push([ws, runId, memberId, kind, kind, from, to, now]);
  const left = (j) => {
    if (before.lifecycle[j]) change(before.memberId[j], 'lifecycle_tier', before.lifecycle[j], null);
    if (before.communication[j]) change(before.memberId[j], 'communication_tier', before.communication[j], null);
  };
  const m = before.memberId.length;
  let j = 0;
  for (let i = 0; i < c.n; i++) {
    const id = c.memberId[i];
    while (j < m && before.memberId[j] < id) left(j++);
    const had = j < m && before.memberId[j] === id;
    const lc = had ? before.lifecycle[j] : null;
    const cc = had ? before.communication[j] : null;
    if (had) j++;
    if (lc !== c.lifecycle[i]) change(id, 'lifecycle_tier', lc, c.lifecycle[i]);
    if (cc !== c.communication[i]) change(id, 'communication_tier', cc, c.communication[i]);
  }
  while (j < m) left(j++);
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
