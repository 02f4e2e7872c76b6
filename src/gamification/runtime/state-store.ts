/** The engines' state in the row store: loaded by key for a batch, written back for the keys that changed. */
import { bulkInsert, cachedQuery, placeholderList, type BulkStatement, type RowDialect, type Tx } from '../../store/index.ts';
import { MapState } from '../events.ts';

const STATE: BulkStatement = {
  name: 'gamification_state_upsert',
  table: 'gamification_state',
  columns: ['workspace_id', 'key', 'value'],
  suffix: 'ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value',
};

/** The text each key had when loaded, so unchanged values are not written back. */
const loadedText = new WeakMap<MapState, Map<string, string>>();

export async function loadState(trx: Tx, dialect: RowDialect, ws: number, keys: Iterable<string>): Promise<MapState> {
  const wanted = [...new Set(keys)];
  const values = new Map<string, unknown>();
  const texts = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const part = wanted.slice(i, i + 500);
    const rows = await cachedQuery<{ key: string; value: string }>(
      trx,
      `${dialect}|gamification_state_load|${part.length}`,
      () => `SELECT key, value FROM gamification_state WHERE workspace_id = ${placeholderList(dialect, 1)} AND key IN (${placeholderList(dialect, part.length, 1)})`,
      [ws, ...part],
    );
    for (const r of rows) {
      values.set(r.key, JSON.parse(r.value));
      texts.set(r.key, r.value);
    }
  }
  const state = new MapState(values);
  loadedText.set(state, texts);
  return state;
}

/**
 * Writes back the keys that were set (or `only` these), except those whose value is the same text as when loaded:
 * engines set a member's state whenever they might have changed it, and most rows a batch touches stay the same.
 */
export async function saveState(trx: Tx, dialect: RowDialect, ws: number, state: MapState, only?: Iterable<string>): Promise<void> {
  const keys = only ? [...only] : [...state.changed];
  const texts = loadedText.get(state);
  const rows: unknown[][] = [];
  for (const k of keys) {
    const text = JSON.stringify(state.values.get(k) ?? null);
    if (texts?.get(k) !== text) rows.push([ws, k, text]);
  }
  await bulkInsert(trx, dialect, STATE, rows);
  state.changed.clear();
}
