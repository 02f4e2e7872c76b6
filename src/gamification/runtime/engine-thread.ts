/**
 * Replay's engines on a worker thread: the main thread reads the log and writes what comes out while the worker
 * evaluates the rules page by page, in order. The worker keeps the whole state; at the end it places everyone's level
 * and hands back the state as the rows to store. The protocol lives here (the worker's side: engine-thread-serve.ts).
 *
 * Why a thread: reading and writing overlap the rules (the whole replay 10–20 % shorter), and the thread gets a young
 * generation of 384 MB (a worker's resource limit; the main thread's cannot change once the process runs) for
 * replay's millions of short-lived objects. Within a replay the engines' own rate stayed about the same as on the
 * main thread (the other thread's work competes for the two cores); on events held in memory alone it was 20–40 %
 * higher.
 */
import type { GamificationConfig } from '../config.ts';
import type { GamificationEvent } from '../events.ts';
import type { Outputs } from './engines.ts';
import { InOrderWorker } from './in-order-worker.ts';

export interface EngineThreadInit {
  version: number;
  config: GamificationConfig;
  timeZone: string;
}

export type EngineRequest = { kind: 'page'; events: GamificationEvent[] } | { kind: 'finish'; now: number };

export type EngineReply =
  | { kind: 'page'; out: Outputs; seconds: number }
  | { kind: 'finish'; out: Outputs; rows: [row: string, text: string][] }
  | { kind: 'error'; error: string };

/** The young generation of the replay thread, in MB (V8's new space: twice the semi-space). */
const YOUNG_GENERATION_MB = 384;

/** Replies come in request order (several requests may be in flight). */
export class EngineThread {
  private readonly thread: InOrderWorker<EngineRequest, EngineReply>;

  constructor(init: EngineThreadInit) {
    this.thread = new InOrderWorker(
      new URL('./engine-thread-worker.mjs', import.meta.url),
      { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } },
      'replay engines',
    );
  }

  /** Sends events to apply; resolves with what they produced once the worker has applied them. */
  page(events: GamificationEvent[]): Promise<Extract<EngineReply, { kind: 'page' }>> {
    return this.thread.request({ kind: 'page', events }) as Promise<Extract<EngineReply, { kind: 'page' }>>;
  }

  /** After the last page: the level check at `now` and the state rows. */
  finish(now: number): Promise<Extract<EngineReply, { kind: 'finish' }>> {
    return this.thread.request({ kind: 'finish', now }) as Promise<Extract<EngineReply, { kind: 'finish' }>>;
  }

  close(): Promise<void> {
    return this.thread.terminate();
  }
}
