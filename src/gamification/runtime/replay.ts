/**
 * `replay`: recomputes a workspace's ledger, badges, levels and engine state from the whole event log under the
 * configuration in force, in the deterministic order (timestamp, event id). It runs in one write transaction, so
 * ingest waits meanwhile and nobody sees a half-rebuilt ledger; the leaderboards are rebuilt from the new ledger after.
 */
import { logEventsInOrder } from '../../ingest/index.ts';
import { withWriteTransaction, workspaceTimeZone, type RowStore } from '../../store/index.ts';
import { MapState } from '../events.ts';
import { activeConfigIn } from './config-store.ts';
import { checkLevelsInMemory } from './level-check.ts';
import { resetLeaderboards } from './leaderboards.ts';
import { emptyOutputs, Engines } from './engines.ts';
import { saveState } from './state-store.ts';
import { writeOutputs } from './write-outputs.ts';

export interface ReplayReport {
  version: number;
  events: number;
  ledgerEntries: number;
  badgeAwards: number;
  levelChanges: number;
  seconds: number;
  /** Time inside the engines alone, and the events per second that gives. */
  evaluationSeconds: number;
  eventsPerSecond: number;
}

const DERIVED = ['points_ledger', 'badge_awards', 'member_levels', 'level_changes', 'gamification_state', 'points_totals', 'points_values'] as const;

export async function replayGamification(rows: RowStore, ws: number, now: number): Promise<ReplayReport> {
  const started = performance.now();
  return withWriteTransaction(rows, async (trx) => {
    const cfg = await activeConfigIn(trx, ws);
    const engines = new Engines(cfg.version, cfg.config, await workspaceTimeZone(trx, ws));
    for (const table of DERIVED) await trx.deleteFrom(table).where('workspace_id', '=', ws).execute();
    // The leaderboards start again from the new ledger (whose ids may repeat the deleted ones).
    await resetLeaderboards(trx, ws);
    const state = new MapState(undefined, { trackChanges: false });
    const report: ReplayReport = { version: cfg.version, events: 0, ledgerEntries: 0, badgeAwards: 0, levelChanges: 0, seconds: 0, evaluationSeconds: 0, eventsPerSecond: 0 };
    let evaluation = 0;
    for await (const page of logEventsInOrder(trx, rows.dialect, ws, { names: engines.eventNames(), pageSize: 10_000 })) {
      const out = emptyOutputs();
      const t0 = performance.now();
      for (const e of page) engines.apply(e, state, out);
      evaluation += performance.now() - t0;
      await writeOutputs(trx, rows.dialect, ws, cfg.version, engines.categories, out, now);
      report.events += page.length;
      report.ledgerEntries += out.ledger.length;
      report.badgeAwards += out.awards.length;
      report.levelChanges += out.levelChanges.length;
    }
    // Time alone can move levels (windows slide): everyone is placed as of now, as the daily check does.
    const last = emptyOutputs();
    checkLevelsInMemory(engines, state, now, last);
    await writeOutputs(trx, rows.dialect, ws, cfg.version, engines.categories, last, now);
    report.levelChanges += last.levelChanges.length;
    await saveState(trx, rows.dialect, ws, state, state.values.keys());
    report.evaluationSeconds = evaluation / 1000;
    report.eventsPerSecond = evaluation > 0 ? Math.round(report.events / (evaluation / 1000)) : 0;
    report.seconds = (performance.now() - started) / 1000;
    return report;
  });
}
