/**
 * Levels can fall without any event: requirements over windows ("visited 50 of the last 100 days") slide with time.
 * The level check re-evaluates every member who has a level state at one instant — daily in the server, and at the
 * end of every replay, so a replay and the incrementally kept state agree on everyone's level at that instant.
 */
import type { RowDialect, Tx } from '../../store/index.ts';
import type { MapState } from '../events.ts';
import { memberBalance } from '../points/engine.ts';
import { memberKey } from '../points/state.ts';
import { emptyOutputs, type Engines, type Outputs } from './engines.ts';
import { loadState, saveState } from './state-store.ts';
import { writeOutputs } from './write-outputs.ts';

/** Member ids with a level state, from the keys present in `state`. */
function levelMembers(engines: Engines, keys: Iterable<string>): number[] {
  const prefix = engines.levels!.memberKey(0).slice(0, -1);
  const out: number[] = [];
  for (const k of keys) if (k.startsWith(prefix)) out.push(Number(k.slice(prefix.length)));
  return out.sort((a, b) => a - b);
}

/** Re-evaluates the members of an in-memory state (replay); changes are appended to `out`. */
export function checkLevelsInMemory(engines: Engines, state: MapState, now: number, out: Outputs): void {
  if (!engines.levels) return;
  for (const m of levelMembers(engines, state.values.keys())) {
    const change = engines.levels.evaluate(m, now, state, memberBalance(state, m));
    if (change) out.levelChanges.push(change);
  }
}

/** The daily check on the stored state, in the caller's write transaction. Returns how many levels changed. */
export async function checkLevelsStored(trx: Tx, dialect: RowDialect, ws: number, engines: Engines, now: number): Promise<number> {
  if (!engines.levels) return 0;
  // The members placed on a level (with a ladder whose first level has no requirements, every member with activity).
  // A member below the first level can only rise through an event of theirs, which places them anyway.
  const rows = await trx.selectFrom('member_levels').select('member_id').where('workspace_id', '=', ws).where('level', 'is not', null).orderBy('member_id').execute();
  const members = rows.map((r) => Number(r.member_id));
  let changed = 0;
  for (let i = 0; i < members.length; i += 5000) {
    const part = members.slice(i, i + 5000);
    const state = await loadState(trx, dialect, ws, part.flatMap((m) => [...engines.levels!.memberStateKeys(m), memberKey(m)]));
    const out = emptyOutputs();
    for (const m of part) {
      const change = engines.levels.evaluate(m, now, state, memberBalance(state, m));
      if (change) out.levelChanges.push(change);
    }
    await writeOutputs(trx, dialect, ws, engines.version, engines.categories, out, now);
    await saveState(trx, dialect, ws, state);
    changed += out.levelChanges.length;
  }
  return changed;
}
