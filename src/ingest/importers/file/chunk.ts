/** What the file readers yield: a chunk of parsed messages with the file line of each, and the lines that failed. */

/** A line (or CSV record) that never became a message, or a message the pipeline rejected, located in the file. */
export interface ImportRejection {
  /** 1-based line of the file (CSV: the line the record starts on). */
  line: number;
  code: string;
  field?: string;
  message: string;
}

export interface FileChunk {
  /** First file line this chunk covers (1-based). */
  firstLine: number;
  /** Last file line this chunk covers: once the chunk is committed, the resume position. */
  lastLine: number;
  /** Parsed messages, unvalidated (the ingest pipeline validates them). */
  messages: unknown[];
  /** `lines[i]` is the file line of `messages[i]`. */
  lines: number[];
  /** Lines that could not be parsed (`invalid_json`, `invalid_csv`, `line_too_long`, …). */
  badLines: ImportRejection[];
  /** Bytes of the file (compressed bytes for .gz) read so far, for progress. */
  bytesRead: number;
}

export type FileFormat = 'jsonl' | 'csv';

export interface FileReadOptions {
  gzip: boolean;
  /** Messages (plus bad lines) per chunk. */
  batchSize: number;
  /** Resume: lines up to and including this one are skipped without being parsed (0: read everything). */
  skipThrough?: number;
  /** A line (CSV: a record) longer than this many bytes is a bad line (JSONL) or a fatal error (CSV). Default 1 MiB. */
  maxLineBytes?: number;
}

export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

/**
 * The chunk left when a reader stops — at the end, or at a failure, whose earlier lines are still imported — or
 * undefined when it holds nothing. Its progress is the whole file on success, what was read on failure.
 */
export function finalChunk(chunk: FileChunk, source: { size: number; bytesRead(): number }, failed: boolean): FileChunk | undefined {
  if (chunk.messages.length === 0 && chunk.badLines.length === 0 && chunk.lastLine < chunk.firstLine) return undefined;
  chunk.bytesRead = failed ? source.bytesRead() : source.size;
  return chunk;
}
