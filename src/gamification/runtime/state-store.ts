/**
 * The engines' state in the row store: loaded by key, written back for the keys that changed (the level check, and
 * ingest on PostgreSQL; on SQLite the ingest hook owns it in memory between checkpoints, state-owner.ts).
 *
 * A member's state in each engine (`points:m:<id>`, `badges:m:<id>`, `lvl:<ladder>:m:<id>`) is stored together in one
 * row `m:<id>` holding `{ points, badges, lvl:<ladder> }`: a batch touches most members in all three engines, and one
 * row instead of three is most of what ingest pays for incentives. Other keys (items, facts) are rows of their own.
 */
import { bulkInsert, cachedQuery, paddedInList, placeholderList, type BulkStatement, type RowDialect, type Tx } from '../../store/index.ts';
import { MapState } from '../events.ts';

export const STATE: BulkStatement = {
  name: 'gamification_state_upsert',
  table: 'gamification_state',
  columns: ['workspace_id', 'key', 'value'],
  suffix: 'ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value',
};

const MEMBER_KEY = /^(points|badges|lvl:[a-z0-9][a-z0-9_-]*):m:(\d+)$/;

/**
 * Places of member keys, remembered: engines build each member's keys once (member-keys.ts), so the lookup hashes
 * nothing new, and a row name is one string however often it is placed.
 */
const places = new Map<string, { row: string; field: string }>();

/** The row an engine key lives in, and its field there (null: the key is a row of its own). */
export function placeOf(key: string): { row: string; field: string | null } {
  const known = places.get(key);
  if (known !== undefined) return known;
  const m = key.includes(':m:') ? MEMBER_KEY.exec(key) : null;
  if (m === null) return { row: key, field: null };
  const place = { row: `m:${m[2]}`, field: m[1]! };
  if (places.size >= 1_000_000) places.clear();
  places.set(key, place);
  return place;
}

export const keyOf = (row: string, field: string) => `${field}:${row}`;

/** What was loaded: each row's text (unchanged rows are not written back) and a member row's fields. */
interface Loaded {
  texts: Map<string, string>;
  fields: Map<string, Set<string>>;
}
const loadedOf = new WeakMap<MapState, Loaded>();

/**
 * Reads the stored rows named (500 a statement) and hands each to `each` with its text and its values by engine key:
 * a member row spread into its fields (with their names), any other row as one key (fields null).
 */
export async function readStateRows(
  trx: Tx,
  dialect: RowDialect,
  ws: number,
  rows: readonly string[],
  each: EachRow,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const part = paddedInList(rows.slice(i, i + 500));
    const found = await cachedQuery<{ key: string; value: string }>(
      trx,
      `${dialect}|gamification_state_load|${part.length}`,
      () => `SELECT key, value FROM gamification_state WHERE workspace_id = ${placeholderList(dialect, 1)} AND key IN (${placeholderList(dialect, part.length, 1)})`,
      [ws, ...part],
    );
    for (const r of found) spreadRow(r, each);
  }
}

type EachRow = (row: string, text: string, values: [key: string, value: unknown][], fields: Set<string> | null) => void;

function spreadRow(r: { key: string; value: string }, each: EachRow): void {
  const value = JSON.parse(r.value) as unknown;
  if (!r.key.startsWith('m:')) {
    each(r.key, r.value, [[r.key, value]], null);
    return;
  }
  const fields = new Set<string>();
  const values: [string, unknown][] = [];
  for (const [field, v] of Object.entries(value as Record<string, unknown>)) {
    values.push([keyOf(r.key, field), v]);
    fields.add(field);
  }
  each(r.key, r.value, values, fields);
}

/**
 * Every stored row of the workspace, as `readStateRows` hands them, when there are at most `limit`; returns false
 * (having handed none) when there are more.
 */
export async function readAllStateRows(trx: Tx, ws: number, limit: number, each: EachRow): Promise<boolean> {
  const found = await trx.selectFrom('gamification_state').select(['key', 'value']).where('workspace_id', '=', ws).limit(limit + 1).execute();
  if (found.length > limit) return false;
  for (const r of found) spreadRow(r, each);
  return true;
}

/** Loads the rows holding `keys`. */
export async function loadState(trx: Tx, dialect: RowDialect, ws: number, keys: Iterable<string>): Promise<MapState> {
  const rowKeys = [...new Set(Array.from(keys, (k) => placeOf(k).row))];
  const values = new Map<string, unknown>();
  const loaded: Loaded = { texts: new Map(), fields: new Map() };
  await readStateRows(trx, dialect, ws, rowKeys, (row, text, kv, fields) => {
    loaded.texts.set(row, text);
    for (const [k, v] of kv) values.set(k, v);
    if (fields) loaded.fields.set(row, fields);
  });
  const state = new MapState(values);
  loadedOf.set(state, loaded);
  return state;
}

/**
 * The rows holding `keys`, with the text to store: a member row is written whole (every field it was loaded with and
 * every field set now; fields in name order, null values left out), any other key is a row of its own.
 */
export function stateRows(values: ReadonlyMap<string, unknown>, keys: Iterable<string>, loadedFields?: ReadonlyMap<string, Set<string>>): Map<string, { text: string; value: unknown }> {
  // Row → the fields to write (null: the key is the row).
  const rows = new Map<string, Set<string> | null>();
  for (const k of keys) {
    const { row, field } = placeOf(k);
    if (field === null) {
      rows.set(row, null);
      continue;
    }
    let fields = rows.get(row);
    if (!fields) rows.set(row, (fields = new Set(loadedFields?.get(row) ?? [])));
    fields.add(field);
  }
  const out = new Map<string, { text: string; value: unknown }>();
  for (const [row, fields] of rows) {
    if (fields === null) {
      const value = values.get(row) ?? null;
      out.set(row, { text: JSON.stringify(value), value });
      continue;
    }
    const obj: Record<string, unknown> = {};
    for (const f of [...fields].sort()) {
      const v = values.get(keyOf(row, f));
      if (v !== undefined && v !== null) obj[f] = v;
    }
    out.set(row, { text: JSON.stringify(obj), value: obj });
  }
  return out;
}

/**
 * Writes back the rows of the keys that were set (or of `only` these keys), except rows whose text is the same as
 * when loaded: engines set a member's state whenever they might have changed it.
 */
export async function saveState(trx: Tx, dialect: RowDialect, ws: number, state: MapState, only?: Iterable<string>): Promise<void> {
  const loaded = loadedOf.get(state);
  const current = stateRows(state.values, only ?? state.changed, loaded?.fields);
  const out: unknown[][] = [];
  for (const [row, { text }] of current) if (loaded?.texts.get(row) !== text) out.push([ws, row, text]);
  await bulkInsert(trx, dialect, STATE, out);
  state.changed.clear();
}

/** Writes rows of `stateRows` as they are (replay). */
export async function writeStateRows(trx: Tx, dialect: RowDialect, ws: number, rows: Iterable<[row: string, text: string]>): Promise<void> {
  await bulkInsert(trx, dialect, STATE, Array.from(rows, ([row, text]) => [ws, row, text]));
}
