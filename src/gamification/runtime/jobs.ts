/**
 * The server's background work for incentives: leaderboards follow the ledger every 5 seconds, once a day (and at
 * start) every member's level is checked against the sliding windows, and the ingest hook's engine state is written
 * to its rows when ingest pauses. All are cheap when nothing is pending.
 */
import type { Logger } from '../../core/index.ts';
import type { RowStore, WorkspaceStore } from '../../store/index.ts';
import { catchUpLeaderboards } from './leaderboards.ts';
import { checkLevelsStored } from './level-check.ts';
import { EngineCache } from './service.ts';
import { checkpointOwned, withSettledState } from './state-owner.ts';

const DAY_MS = 86_400_000;
const IDLE_CHECKPOINT_MS = 2000;
/**
 * Leaderboards catch up in the background every 5 s (every read catches up first, so readers never see them behind):
 * a longer span folds more of a member's entries into one total row (under the HTTP benchmark's load the thread spent
 * 17 µs per ingested event at 5 s, 33 µs at 1 s, on the second core that the clients and the columnizer also need).
 */
const BOARDS_EVERY_MS = 5000;

/** The daily level check of one workspace; returns how many levels changed. */
export async function checkLevels(rows: RowStore, ws: number, now: number, cache = new EngineCache()): Promise<number> {
  // On whole state rows (the ingest hook's memory written first); afterwards the hook reads the rows again.
  return withSettledState(rows, ws, (trx) => cache.versions(trx, ws), now, true, async (trx) => {
    const engines = await cache.forWorkspace(trx, ws);
    return engines ? checkLevelsStored(trx, rows.dialect, ws, engines, now) : 0;
  });
}

export class GamificationJobs {
  private timers: NodeJS.Timeout[] = [];
  private busy = false;
  private lastLevelCheck = 0;
  private lastBoards = 0;

  constructor(private readonly deps: { rows: RowStore; workspaces: WorkspaceStore; logger: Logger; nowMicros: () => number }) {}

  start(): void {
    if (this.timers.length > 0) return;
    const t = setInterval(() => void this.tick(), 1000);
    t.unref();
    this.timers.push(t);
  }

  /** One pass: leaderboards of every workspace, and the level check when a day has passed since the last. */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = this.deps.nowMicros();
      const checkLevelsNow = Date.now() - this.lastLevelCheck >= DAY_MS;
      const boardsNow = Date.now() - this.lastBoards >= BOARDS_EVERY_MS;
      if (boardsNow) this.lastBoards = Date.now();
      for (const ws of await this.deps.workspaces.list()) {
        if (boardsNow) await catchUpLeaderboards(this.deps.rows, ws.id);
        if (checkLevelsNow) {
          const changed = await checkLevels(this.deps.rows, ws.id, now);
          if (changed > 0) this.deps.logger.info('level check', { workspace: ws.slug, changed });
        }
      }
      if (checkLevelsNow) this.lastLevelCheck = Date.now();
      // Engine state the ingest hook holds in memory is written once ingest has paused for a while.
      await checkpointOwned(this.deps.rows, now, IDLE_CHECKPOINT_MS);
    } catch (err) {
      this.deps.logger.error('gamification jobs failed', { error: String(err) });
    } finally {
      this.busy = false;
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    while (this.busy) await new Promise((r) => setTimeout(r, 20));
  }
}
