/**
 * The ingest pipeline: validate → normalise → dedupe → (one transaction) resolve identities → write the log and the
 * exact counters → in-transaction hooks. Bad messages are data (rejections with index, code and field), never
 * exceptions; a batch's valid messages are stored even when others are rejected.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { Clock } from '../core/index.ts';
import { resolveBatch, type ResolutionWarning } from '../members/index.ts';
import { cachedQuery, paddedInList, placeholderList, withWriteTransaction, type RowDialect, type RowStore, type Tx } from '../store/index.ts';
import { normaliseMessage, type NormalisedEvent } from './normalise.ts';
import type { Rejection } from './schema.ts';
import { validateMessage } from './validate.ts';
import { writeEvents, type StoredEvent } from './write-events.ts';
import type { GroupCommitter } from './group-commit.ts';

/**
 * Derived state that must be exact and immediate (points, levels, …) updates in the ingest transaction. A hook may
 * return a function to run once the transaction has committed (to announce what it wrote: never before it is durable).
 */
export type IngestHook = (trx: Tx, ctx: { workspaceId: number; now: number }, events: readonly StoredEvent[]) => Promise<void | (() => void)>;

export interface IngestDeps {
  store: RowStore;
  clock: Clock;
  futureToleranceHours: number;
  phoneRegion?: CountryCode;
  hooks?: readonly IngestHook[];
  /** Shares write transactions between concurrent calls (the server); without it each call commits alone. */
  committer?: GroupCommitter;
  /** Called after each commit that stored events (wakes the columnizer). */
  onCommitted?: (stored: number) => void;
}

export interface IngestTarget {
  workspaceId: number;
  /** Platform of identities when a message names none (the write key's platform). */
  defaultPlatform: string;
  /** Segment batch-level context, merged under each message's own. */
  batchContext?: Record<string, unknown>;
  /** Index of the first message, so rejections point at lines of a file. */
  indexOffset?: number;
}

export interface IngestOutcome {
  accepted: number;
  duplicates: number;
  rejected: Rejection[];
  warnings: (Omit<ResolutionWarning, 'position'> & { index: number })[];
  stored: StoredEvent[];
}

export async function ingestMessages(deps: IngestDeps, target: IngestTarget, raw: readonly unknown[]): Promise<IngestOutcome> {
  const now = deps.clock.nowMicros();
  const offset = target.indexOffset ?? 0;
  const rejected: Rejection[] = [];
  const events: NormalisedEvent[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const normaliseOpts = {
    defaultPlatform: target.defaultPlatform,
    receivedAt: now,
    maxTs: now + deps.futureToleranceHours * 3_600_000_000,
    phoneRegion: deps.phoneRegion ?? 'CN',
  };
  raw.forEach((m, i) => {
    const v = validateMessage(m, offset + i, target.batchContext);
    if (!v.ok) return void rejected.push(v.rejection);
    const n = normaliseMessage(v.message, offset + i, normaliseOpts);
    if (!n.ok) return void rejected.push(n.rejection);
    if (seen.has(n.event.eventId)) return void duplicates++;
    seen.add(n.event.eventId);
    events.push(n.event);
  });
  if (events.length === 0) return { accepted: 0, duplicates, rejected, warnings: [], stored: [] };

  const inTransaction = <T>(work: (trx: Tx) => Promise<T>) => (deps.committer ? deps.committer.run(work) : withWriteTransaction(deps.store, work));
  const result = await inTransaction(async (trx) => {
    const fresh = await dropStored(trx, deps.store.dialect, target.workspaceId, events);
    if (fresh.length === 0) return { fresh, stored: [] as StoredEvent[], warnings: [] as ResolutionWarning[], afterCommit: [] as (() => void)[] };
    const ctx = { workspaceId: target.workspaceId, dialect: deps.store.dialect, now };
    const resolved = await resolveBatch(trx, ctx, fresh);
    const stored = await writeEvents(trx, ctx, fresh, resolved.resolutions);
    const afterCommit: (() => void)[] = [];
    for (const hook of deps.hooks ?? []) {
      const after = await hook(trx, ctx, stored);
      if (after) afterCommit.push(after);
    }
    return { fresh, stored, warnings: resolved.warnings, afterCommit };
  });
  for (const after of result.afterCommit ?? []) after();
  duplicates += events.length - result.fresh.length;
  if (result.stored.length > 0) deps.onCommitted?.(result.stored.length);
  return {
    accepted: result.fresh.length,
    duplicates,
    rejected,
    warnings: result.warnings.map(({ position, ...w }) => ({ ...w, index: result.fresh[position]!.index })),
    stored: result.stored,
  };
}

/** Dedupe by (workspace, event id) against the log: a retried batch stores nothing twice. */
async function dropStored(trx: Tx, dialect: RowDialect, workspaceId: number, events: NormalisedEvent[]): Promise<NormalisedEvent[]> {
  const existing = new Set<string>();
  for (let i = 0; i < events.length; i += 500) {
    const ids = paddedInList(events.slice(i, i + 500).map((e) => e.eventId));
    const rows = await cachedQuery<{ event_id: string }>(
      trx,
      `${dialect}|events_by_id|${ids.length}`,
      () => `SELECT event_id FROM events WHERE workspace_id = ${placeholderList(dialect, 1)} AND event_id IN (${placeholderList(dialect, ids.length, 1)})`,
      [workspaceId, ...ids],
    );
    for (const r of rows) existing.add(r.event_id);
  }
  return existing.size === 0 ? events : events.filter((e) => !existing.has(e.eventId));
}
