/** The leaderboard thread's side (leaderboard-thread.ts): its own connections, and catch-ups one at a time in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { openRowStore } from '../../store/index.ts';
import { catchUpHere } from './leaderboards.ts';
import type { LeaderboardReply, LeaderboardRequest } from './leaderboard-thread.ts';

const port = parentPort!;
const rows = await openRowStore({ dialect: 'sqlite', file: (workerData as { file: string }).file });
let queue: Promise<void> = Promise.resolve();

port.on('message', (req: LeaderboardRequest) => {
  queue = queue.then(async () => {
    let reply: LeaderboardReply;
    try {
      if (req.kind === 'close') {
        await rows.close();
        reply = { kind: 'closed' };
      } else reply = { kind: 'caughtUp', applied: await catchUpHere(rows, req.ws) };
    } catch (err) {
      reply = { kind: 'error', error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  });
});
