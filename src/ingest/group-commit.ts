/**
 * Group commit: ingest calls that arrive while a write transaction is running wait and then share the next one,
 * so concurrent clients pay for one durable commit (one WAL fsync) instead of one each. Each call still sees the
 * writes of the calls before it. If a shared transaction fails, every call is retried in a transaction of its own,
 * so one bad call cannot fail the others.
 */
import { withWriteTransaction, type RowStore, type Tx } from '../store/index.ts';

interface Pending {
  work: (trx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private running = false;

  constructor(
    private readonly store: RowStore,
    private readonly maxCalls = 32,
  ) {}

  run<T>(work: (trx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    // Let requests already received finish parsing and join this transaction (the writes themselves are synchronous,
    // so without a pause no other request could ever be queued behind one).
    await new Promise((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const calls = this.queue.splice(0, this.maxCalls);
      if (calls.length === 1) {
        const [c] = calls;
        await withWriteTransaction(this.store, c!.work).then(c!.resolve, c!.reject);
        continue;
      }
      try {
        const results = await withWriteTransaction(this.store, async (trx) => {
          const out: unknown[] = [];
          for (const c of calls) out.push(await c.work(trx));
          return out;
        });
        calls.forEach((c, i) => c.resolve(results[i]));
      } catch {
        for (const c of calls) await withWriteTransaction(this.store, c.work).then(c.resolve, c.reject);
      }
    }
    this.running = false;
  }
}
