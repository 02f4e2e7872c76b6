/** Ingest: the Segment-compatible contract, the pipeline into the row store, the columnizer and the importers. */
export * from './schema.ts';
export { ingestMessages, type IngestDeps, type IngestTarget, type IngestOutcome, type IngestHook } from './pipeline.ts';
export type { StoredEvent } from './write-events.ts';
export type { NormalisedEvent } from './normalise.ts';
export { Columnizer, CsvLogReader, columnizeOnce, columnWatermark, type ColumnizeResult } from './columnizer.ts';
export { importEventsFile, importStackExchangeDump, DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE, type FileImportResult, type ImportRejection, type EventsFileImportOptions, type SeImportOptions, type SeImportResult } from './importers/file/index.ts';
export { GroupCommitter } from './group-commit.ts';
export { eventNameCounts, lastSeq, hasEvents, eventCountsByTimeBucket, memberEventsInWindow, logEventsInOrder, logEventsById, type LogEvent } from './log-reads.ts';
