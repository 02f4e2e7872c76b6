/**
 * The composition root: the only place that constructs stores and wires modules together. Commands (`serve`,
 * `import`, `status`, …) and tests open a `Sheyun` from a Config and close it when done.
 */
import path from 'node:path';
import type { Config } from './config/index.ts';
import { createLogger, DomainEvents, systemClock, type Clock, type Logger } from './core/index.ts';
import { checkpointOwned, EngineCache, gamificationHook, LeaderboardThread } from './gamification/index.ts';
import { Columnizer, CsvLogReader, GroupCommitter, type IngestDeps } from './ingest/index.ts';
import { isColumnStoreLockError, openColumnStore, openRowStore, workspaceStore, type ColumnStore, type RowStore, type WorkspaceRecord, type WorkspaceStore } from './store/index.ts';

export interface Sheyun {
  config: Config;
  clock: Clock;
  logger: Logger;
  rows: RowStore;
  /** Absent when another process (a running server) holds the column-store file. */
  columns: ColumnStore | undefined;
  columnizer: Columnizer | undefined;
  workspaces: WorkspaceStore;
  ingest: IngestDeps;
  /** Domain events between modules (scoring runs completed, …). */
  events: DomainEvents;
  /** The workspace named by config (`--workspace`), created on first use. */
  defaultWorkspace(): Promise<WorkspaceRecord>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** 'required': fail if the column store is locked; 'optional': continue without it; 'none': do not open it. */
  columnStore: 'required' | 'optional' | 'none';
  clock?: Clock;
  logger?: Logger;
  /** The server: leaderboards catch up on a worker thread of their own (embedded store in a file). */
  leaderboardThread?: boolean;
}

export function storePaths(config: Config): { rows: string; columns: string } {
  return { rows: path.join(config.dataDir, 'rows.sqlite'), columns: path.join(config.dataDir, 'events.duckdb') };
}

export async function openSheyun(config: Config, opts: OpenOptions): Promise<Sheyun> {
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? createLogger(config.logLevel);
  const paths = storePaths(config);
  const rows = await openRowStore(
    config.rowStore === 'postgres' ? { dialect: 'postgres', ...(config.databaseUrl ? { url: config.databaseUrl } : {}) } : { dialect: 'sqlite', file: paths.rows },
  );
  let columns: ColumnStore | undefined;
  if (opts.columnStore !== 'none') {
    try {
      columns = await openColumnStore(paths.columns);
    } catch (err) {
      if (opts.columnStore === 'required' || !isColumnStoreLockError(err)) {
        await rows.close();
        throw err;
      }
      logger.debug('column store is held by another process; continuing without it', { file: paths.columns });
    }
  }
  const columnizer = columns
    ? new Columnizer(rows, columns, {
        intervalMs: config.columnizerIntervalMs,
        batchRows: config.columnizerBatchRows,
        onError: (err) => logger.error('columnizer pass failed', { error: String(err) }),
        onPass: (r, ms) => logger.debug('columnizer pass', { moved: r.moved, remaps: r.remaps, watermark: r.watermark, ms: Math.round(ms) }),
        // SQLite: a worker thread reads the log, so moving rows costs the ingest thread almost nothing.
        ...(rows.dialect === 'sqlite' ? { reader: new CsvLogReader(paths.rows, path.join(config.dataDir, 'tmp')) } : {}),
      })
    : undefined;
  const leaderboards =
    opts.leaderboardThread && rows.sqliteFile
      ? LeaderboardThread.start(rows, (err) => logger.error('leaderboard thread failed; leaderboards catch up on the main thread', { error: String(err) }))
      : undefined;
  const workspaces = workspaceStore(rows.db, () => clock.nowMicros());
  const events = new DomainEvents();
  const ingest: IngestDeps = {
    store: rows,
    clock,
    futureToleranceHours: config.futureToleranceHours,
    committer: new GroupCommitter(rows),
    // Points, badges and levels are exact and immediate: they are written in the ingest transaction.
    hooks: [gamificationHook(rows, new EngineCache(), events)],
    onCommitted: () => columnizer?.notify(),
  };
  return {
    config,
    clock,
    logger,
    rows,
    columns,
    columnizer,
    workspaces,
    ingest,
    events,
    defaultWorkspace: () => workspaces.ensure(config.workspace, config.timeZone),
    async close() {
      // What the ingest hook holds in memory goes to its rows (after a crash it is rebuilt from the batch records).
      await checkpointOwned(rows, clock.nowMicros()).catch((err: unknown) => logger.error('writing the incentive state failed', { error: String(err) }));
      await leaderboards?.close();
      await columnizer?.stop();
      await columns?.close();
      await rows.close();
    },
  };
}
