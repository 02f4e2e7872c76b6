/**
 * Scores every workspace on a fixed interval in the server, one run at a time: tiers and segment memberships stay
 * fresh without an operator pressing a button, and automations get their "entered / left" changes regularly.
 */
import type { DomainEvents, Logger } from '../core/index.ts';
import type { ColumnStore, RowStore, WorkspaceStore } from '../store/index.ts';
import { runScoring } from './scoring.ts';

export class ScoringScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly deps: { rows: RowStore; cols: ColumnStore; workspaces: WorkspaceStore; logger: Logger; events?: DomainEvents; nowMicros: () => number; beforeRun?: () => Promise<unknown> },
    private readonly intervalMinutes: number,
  ) {}

  start(): void {
    if (this.intervalMinutes <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.runAll(), this.intervalMinutes * 60_000);
    this.timer.unref();
  }

  /** One pass over every workspace; a pass already under way is joined, not repeated. */
  runAll(): Promise<void> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<void> {
    await this.deps.beforeRun?.();
    for (const ws of await this.deps.workspaces.list()) {
      const started = performance.now();
      try {
        const r = await runScoring(this.deps.rows, this.deps.cols, { id: ws.id, timeZone: ws.timeZone }, { now: this.deps.nowMicros(), ...(this.deps.events ? { events: this.deps.events } : {}) });
        this.deps.logger.info('scoring run', { workspace: ws.slug, members: r.members, tierChanges: r.tierChanges, ms: Math.round(performance.now() - started) });
      } catch (err) {
        this.deps.logger.error('scoring run failed', { workspace: ws.slug, error: String(err) });
      }
    }
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
