/**
 * Stack Exchange data-dump importer: maps a dump directory to ingest messages, streaming and resumable.
 * No storage here: the caller writes each yielded chunk (one transaction) and records `{ file, row }` to resume.
 * The mapping is specified in docs/importers/stackexchange.md.
 */
export { SE_FILES, SE_REQUIRED_FILES, defaultPlatform, planStackExchangeImport } from './dump-files.ts';
export type { SeDumpPlan, SeImportPlan } from './dump-files.ts';
export { readStackExchangeDump } from './read-dump.ts';
export type { SeChunk, SeReadOptions, SeReadSummary, SeWarning } from './read-dump.ts';
export { SE_DELETED_USER, SE_UNKNOWN_OWNER } from './identity.ts';
export { VOTE_TYPES } from './map-votes.ts';
export { POST_HISTORY_TYPES } from './map-post-history.ts';
