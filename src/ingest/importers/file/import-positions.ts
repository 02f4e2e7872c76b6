/**
 * Resume positions of imports (the `imports` table): how far each source got, keyed by workspace, source kind and
 * the source's identity hash. A position is written in the same transaction as the chunk it follows whenever that
 * chunk stores events, so a crash can never record a position whose events are missing.
 */
import type { IngestDeps, IngestOutcome, IngestTarget } from '../../pipeline.ts';
import { ingestMessages } from '../../pipeline.ts';
import { withWriteTransaction, type RowStore, type Tx } from '../../../store/index.ts';

export interface ImportKey {
  workspaceId: number;
  /** `events` (a JSONL/CSV file) or `stackexchange` (a dump folder). */
  source: string;
  /** The source's identity (file-identity.ts). */
  fileHash: string;
}

export interface ImportPosition {
  position: number;
  done: boolean;
}

export async function readImportPosition(store: RowStore, key: ImportKey): Promise<ImportPosition | undefined> {
  const row = await store.db
    .selectFrom('imports')
    .select(['position', 'done'])
    .where('workspace_id', '=', key.workspaceId)
    .where('source', '=', key.source)
    .where('file_hash', '=', key.fileHash)
    .executeTakeFirst();
  return row === undefined ? undefined : { position: Number(row.position), done: Number(row.done) === 1 };
}

export async function writeImportPosition(db: Tx, key: ImportKey, at: ImportPosition, now: number): Promise<void> {
  await db
    .insertInto('imports')
    .values({ workspace_id: key.workspaceId, source: key.source, file_hash: key.fileHash, position: at.position, done: at.done ? 1 : 0, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'source', 'file_hash']).doUpdateSet({ position: at.position, done: at.done ? 1 : 0, updated_at: now }))
    .execute();
}

export async function saveImportPosition(deps: IngestDeps, key: ImportKey, at: ImportPosition): Promise<void> {
  await withWriteTransaction(deps.store, (trx) => writeImportPosition(trx, key, at, deps.clock.nowMicros()));
}

/**
 * Stores one chunk and records `at` as the position after it: inside the ingest transaction (an extra hook) when
 * the chunk stores events, else in a small transaction of its own (a chunk of duplicates or rejected lines).
 */
export async function ingestChunk(deps: IngestDeps, target: IngestTarget, messages: readonly unknown[], key: ImportKey, at: ImportPosition): Promise<IngestOutcome> {
  let recorded = false;
  const outcome = await ingestMessages(
    {
      ...deps,
      hooks: [
        ...(deps.hooks ?? []),
        async (trx, ctx) => {
          await writeImportPosition(trx, key, at, ctx.now);
          recorded = true;
        },
      ],
    },
    target,
    messages,
  );
  if (!recorded) await saveImportPosition(deps, key, at);
  return outcome;
}
