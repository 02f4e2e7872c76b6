/**
 * `import stackexchange DIR`: a Stack Exchange dump through the ingest pipeline, one transaction per chunk of
 * rows, resumable at (file, row). The mapping itself is the stackexchange importer's (docs/importers/stackexchange.md).
 */
import { stat } from 'node:fs/promises';
import type { IngestDeps } from '../../pipeline.ts';
import { planStackExchangeImport, readStackExchangeDump, SE_FILES, type SeDumpPlan, type SeWarning } from '../stackexchange/index.ts';
import { dumpIdentity } from './file-identity.ts';
import { ingestChunk, readImportPosition, saveImportPosition, type ImportKey } from './import-positions.ts';

export const SE_SOURCE = 'stackexchange';

/**
 * A (file, row) position in one integer for the `imports` table: index of the file in SE_FILES × 10^12 + rows done
 * (Stack Overflow's largest file has ~0.3 × 10^9 rows). SE_FILES is part of the dump identity, so reordering it
 * can never make an old position point into the wrong file.
 */
const FILE_STRIDE = 1e12;

export function encodeSePosition(at: { file: string; row: number }): number {
  return Math.max(0, SE_FILES.indexOf(at.file)) * FILE_STRIDE + at.row;
}

export function decodeSePosition(position: number): { file: string; row: number } {
  const index = Math.floor(position / FILE_STRIDE);
  return { file: SE_FILES[index] ?? SE_FILES[0]!, row: position - index * FILE_STRIDE };
}

/** Counting rows (a scan of each file) is skipped above this dump size; progress then shows rows without a total. */
const COUNT_ROWS_MAX_BYTES = 2 * 1024 ** 3;

export interface SeImportOptions {
  workspaceId: number;
  dir: string;
  /** Default `stackexchange:<directory name>`; also the platform of every identity. */
  platform?: string;
  force?: boolean;
  signal?: AbortSignal;
  maxChunks?: number;
  /** Rows per chunk (default 500). */
  chunkRows?: number;
  onPlan?: (plan: SeDumpPlan, resumeAt: { file: string; row: number } | undefined) => void;
  onProgress?: (p: SeImportProgress) => void;
  onRejection?: (r: SeRejection) => void;
  onWarning?: (w: SeWarning) => void;
}

export interface SeImportProgress {
  file: string;
  /** Rows of `file` done (committed or skipped on resume). */
  row: number;
  /** Rows in `file`, when counted. */
  fileRows: number | undefined;
  accepted: number;
  duplicates: number;
  rejected: number;
  elapsedMs: number;
}

/** A message the pipeline rejected (a mapping bug, not bad input): in `file`, among the rows up to `row`. */
export interface SeRejection {
  file: string;
  row: number;
  code: string;
  field?: string;
  message: string;
}

export interface SeImportResult {
  dir: string;
  platform: string;
  dumpHash: string;
  status: 'imported' | 'already_imported' | 'interrupted';
  resumedAt: { file: string; row: number } | undefined;
  /** Last committed position. */
  position: { file: string; row: number } | undefined;
  missing: string[];
  accepted: number;
  duplicates: number;
  rejected: number;
  warnings: number;
  skippedRows: number;
  /** Events stored by this run, per event name (`$identify` for identify calls). */
  byEvent: Record<string, number>;
  elapsedMs: number;
}

export async function importStackExchangeDump(deps: IngestDeps, opts: SeImportOptions): Promise<SeImportResult> {
  const started = performance.now();
  const bare = await planStackExchangeImport(opts.dir, opts.platform === undefined ? {} : { platform: opts.platform });
  const sizes = await Promise.all(bare.files.map((f) => stat(f.path).then((s) => s.size)));
  const plan = sizes.reduce((a, b) => a + b, 0) <= COUNT_ROWS_MAX_BYTES ? await planStackExchangeImport(opts.dir, { platform: bare.platform, countRows: true }) : bare;
  const dumpHash = await dumpIdentity(opts.dir, SE_FILES);
  const key: ImportKey = { workspaceId: opts.workspaceId, source: SE_SOURCE, fileHash: dumpHash };
  const previous = await readImportPosition(deps.store, key);
  const result: SeImportResult = {
    dir: opts.dir,
    platform: plan.platform,
    dumpHash,
    status: 'imported',
    resumedAt: undefined,
    position: previous ? decodeSePosition(previous.position) : undefined,
    missing: plan.missing,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    warnings: 0,
    skippedRows: 0,
    byEvent: {},
    elapsedMs: 0,
  };
  if (previous?.done && !opts.force) return { ...result, status: 'already_imported', elapsedMs: performance.now() - started };
  const startAt = previous && !previous.done && previous.position > 0 ? decodeSePosition(previous.position) : undefined;
  result.resumedAt = startAt;
  opts.onPlan?.(plan, startAt);

  const rowsOf = new Map(plan.files.map((f) => [f.file, f.rows]));
  const chunks = readStackExchangeDump(opts.dir, {
    platform: plan.platform,
    ...(startAt ? { startAt } : {}),
    ...(opts.chunkRows ? { chunkRows: opts.chunkRows } : {}),
    onWarning: (w) => {
      if (w.code === 'missing_file') return; // reported with the plan
      result.warnings++;
      if (w.code === 'row_skipped') result.skippedRows++;
      opts.onWarning?.(w);
    },
  });
  let committed = 0;
  for await (const chunk of chunks) {
    const at = { file: chunk.file, row: chunk.row };
    const outcome = await ingestChunk(deps, { workspaceId: opts.workspaceId, defaultPlatform: plan.platform }, chunk.messages, key, {
      position: encodeSePosition(at),
      done: false,
    });
    result.position = at;
    result.accepted += outcome.accepted;
    result.duplicates += outcome.duplicates;
    result.rejected += outcome.rejected.length;
    for (const { index: _index, ...r } of outcome.rejected) opts.onRejection?.({ file: chunk.file, row: chunk.row, ...r });
    result.warnings += outcome.warnings.length;
    for (const e of outcome.stored) result.byEvent[e.name] = (result.byEvent[e.name] ?? 0) + 1;
    opts.onProgress?.({
      ...at,
      fileRows: rowsOf.get(chunk.file),
      accepted: result.accepted,
      duplicates: result.duplicates,
      rejected: result.rejected,
      elapsedMs: performance.now() - started,
    });
    committed++;
    if (opts.signal?.aborted || (opts.maxChunks !== undefined && committed >= opts.maxChunks)) {
      result.status = 'interrupted';
      break;
    }
  }
  if (result.status === 'imported') {
    const last = SE_FILES[SE_FILES.length - 1]!;
    result.position ??= { file: last, row: 0 };
    await saveImportPosition(deps, key, { position: encodeSePosition(result.position), done: true });
  }
  result.elapsedMs = performance.now() - started;
  return result;
}
