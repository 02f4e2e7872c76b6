/**
 * The server's leaderboards on a worker thread (embedded store in a file only): the thread opens its own connections
 * to the row store (to read the ledger) and to the board store (to write the totals, board-store.ts), so catching up
 * costs the ingest thread nothing and takes no lock ingest needs. Catch-ups of this process go to it, in order (the
 * protocol lives here; the worker's side: leaderboard-thread-serve.ts). If the thread fails, catch-ups run on the
 * caller's thread again.
 */
import type { RowStore } from '../../store/index.ts';
import { InOrderWorker } from './in-order-worker.ts';

export type LeaderboardRequest = { kind: 'catchUp'; ws: number } | { kind: 'close' };
export type LeaderboardReply = { kind: 'caughtUp'; applied: number } | { kind: 'closed' } | { kind: 'error'; error: string };

const threads = new WeakMap<RowStore, LeaderboardThread>();

/** The thread that keeps this row store's leaderboards in this process, if one runs. */
export function leaderboardThreadOf(rows: RowStore): LeaderboardThread | undefined {
  return threads.get(rows);
}

export class LeaderboardThread {
  private readonly thread: InOrderWorker<LeaderboardRequest, LeaderboardReply>;

  private constructor(
    private readonly rows: RowStore,
    file: string,
    onFailure: (err: Error) => void,
  ) {
    this.thread = new InOrderWorker(new URL('./leaderboard-thread-worker.mjs', import.meta.url), { workerData: { file } }, 'leaderboards', (err) => {
      if (threads.get(this.rows) === this) threads.delete(this.rows);
      onFailure(err);
    });
  }

  /** Starts the thread for a row store in a file and sends this process's catch-ups to it until `close`. */
  static start(rows: RowStore, onFailure: (err: Error) => void): LeaderboardThread {
    if (!rows.sqliteFile) throw new Error('the leaderboard thread needs an embedded store in a file');
    const thread = new LeaderboardThread(rows, rows.sqliteFile, onFailure);
    threads.set(rows, thread);
    return thread;
  }

  /** Brings the workspace's totals up to the ledger as committed now; resolves with how many entries were applied. */
  async catchUp(ws: number): Promise<number> {
    const reply = await this.thread.request({ kind: 'catchUp', ws });
    return reply.kind === 'caughtUp' ? reply.applied : 0;
  }

  /** Lets the current catch-up finish, then ends the thread (its connections closed). */
  async close(): Promise<void> {
    if (threads.get(this.rows) === this) threads.delete(this.rows);
    if (this.thread.failed) return;
    await this.thread.request({ kind: 'close' }).catch(() => undefined);
    await this.thread.terminate();
  }
}
