/**
 * File importers: JSONL/CSV event files and Stack Exchange dumps through the ingest pipeline, streaming (constant
 * memory), one transaction per chunk, resumable from the `imports` table. Behaviour: docs/importers/files.md.
 */
export type { FileChunk, FileFormat, FileReadOptions, ImportRejection } from './chunk.ts';
export { detectFormat, FILE_FORMATS, type DetectedFormat } from './file-format.ts';
export { fileIdentity, dumpIdentity } from './file-identity.ts';
export { readJsonl } from './read-jsonl.ts';
export { readCsv } from './read-csv.ts';
export { csvLayout, csvRecordToMessage, typedCell, type CsvLayout } from './csv-record.ts';
export { readImportPosition, type ImportKey, type ImportPosition } from './import-positions.ts';
export {
  importEventsFile,
  EVENTS_SOURCE,
  DEFAULT_BATCH_SIZE,
  MAX_BATCH_SIZE,
  type EventsFileImportOptions,
  type FileImportProgress,
  type FileImportResult,
} from './import-events-file.ts';
export {
  importStackExchangeDump,
  encodeSePosition,
  decodeSePosition,
  SE_SOURCE,
  type SeImportOptions,
  type SeImportProgress,
  type SeImportResult,
  type SeRejection,
} from './import-stackexchange.ts';
