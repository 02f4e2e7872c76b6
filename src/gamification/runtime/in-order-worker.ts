/**
 * A worker thread that answers each request with one message, in request order (replay's engines, the server's
 * leaderboards). A `{ kind: 'error' }` reply rejects its request; a thread that fails or exits rejects every waiting
 * request and every later one.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export class InOrderWorker<Req, Reply extends { kind: string }> {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void }[] = [];
  private failure: Error | null = null;

  /** `label` names the thread in errors; `onFailure` hears once that it failed. */
  constructor(url: URL, options: WorkerOptions, label: string, onFailure?: (err: Error) => void) {
    this.worker = new Worker(url, options);
    this.worker.on('message', (reply: Reply) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (reply.kind === 'error') w.reject(new Error(`${label}: ${(reply as unknown as { error: string }).error}`));
      else w.resolve(reply);
    });
    const fail = (err: Error) => {
      if (this.failure) return;
      this.failure = err;
      for (const w of this.waiting.splice(0)) w.reject(err);
      onFailure?.(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`${label} thread exited (code ${code})`)));
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  request(req: Req): Promise<Reply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(req);
    });
  }

  /** Ends the thread (an expected exit, not a failure). */
  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
