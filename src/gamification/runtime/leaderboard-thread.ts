/**
 * The server's leaderboards on a worker thread (embedded store in a file only): the thread opens its own connections
 * to the row store (to read the ledger) and to the board store (to write the totals, board-store.ts), so catching up
 * costs the ingest thread nothing and takes no lock ingest needs. Catch-ups of this process go to it, in order (the
 * protocol lives here; the worker's side: leaderboard-thread-serve.ts). If the thread fails, catch-ups run on the
 * caller's thread again.
 */
import { Worker } from 'node:worker_threads';
import type { RowStore } from '../../store/index.ts';

export type LeaderboardRequest = { kind: 'catchUp'; ws: number } | { kind: 'close' };
export type LeaderboardReply = { kind: 'caughtUp'; applied: number } | { kind: 'closed' } | { kind: 'error'; error: string };

const threads = new WeakMap<RowStore, LeaderboardThread>();

/** The thread that keeps this row store's leaderboards in this process, if one runs. */
export function leaderboardThreadOf(rows: RowStore): LeaderboardThread | undefined {
  return threads.get(rows);
}

export class LeaderboardThread {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (r: LeaderboardReply) => void; reject: (e: Error) => void }[] = [];
  private failed: Error | null = null;

  private constructor(
    private readonly rows: RowStore,
    file: string,
    onFailure: (err: Error) => void,
  ) {
    this.worker = new Worker(new URL('./leaderboard-thread-worker.mjs', import.meta.url), { workerData: { file } });
    this.worker.on('message', (reply: LeaderboardReply) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (reply.kind === 'error') w.reject(new Error(`leaderboards: ${reply.error}`));
      else w.resolve(reply);
    });
    const fail = (err: Error) => {
      if (this.failed) return;
      this.failed = err;
      if (threads.get(this.rows) === this) threads.delete(this.rows);
      for (const w of this.waiting.splice(0)) w.reject(err);
      onFailure(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`leaderboard thread exited (code ${code})`)));
  }

  /** Starts the thread for a row store in a file and sends this process's catch-ups to it until `close`. */
  static async start(rows: RowStore, onFailure: (err: Error) => void): Promise<LeaderboardThread> {
    if (!rows.sqliteFile) throw new Error('the leaderboard thread needs an embedded store in a file');
    const thread = new LeaderboardThread(rows, rows.sqliteFile, onFailure);
    threads.set(rows, thread);
    return thread;
  }

  /** Brings the workspace's totals up to the ledger as committed now; resolves with how many entries were applied. */
  async catchUp(ws: number): Promise<number> {
    const reply = await this.request({ kind: 'catchUp', ws });
    return reply.kind === 'caughtUp' ? reply.applied : 0;
  }

  /** Lets the current catch-up finish, then ends the thread (its connections closed). */
  async close(): Promise<void> {
    if (threads.get(this.rows) === this) threads.delete(this.rows);
    if (this.failed) return;
    this.worker.removeAllListeners('exit');
    await this.request({ kind: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }

  private request(req: LeaderboardRequest): Promise<LeaderboardReply> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(req);
    });
  }
}
