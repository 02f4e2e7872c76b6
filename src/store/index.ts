/** Store: the row store (Kysely over SQLite/PostgreSQL), the column store (DuckDB) and migrations. */
export { openRowStore, type RowStore, type RowStoreOptions } from './row-store.ts';
export type { BoardStore } from './board-store.ts';
export { openColumnStore, isColumnStoreLockError, type ColumnStore } from './column-store.ts';
export type { RowDialect } from './dialect.ts';
export type * from './schema.ts';
export { workspaceStore, workspaceTimeZone, type WorkspaceRecord, type WorkspaceStore, type AuthenticatedKey, type CreatedKey } from './workspaces.ts';
export { withWriteTransaction, allocateIds, type Tx } from './transaction.ts';
export { bulkInsert, bulkInsertFlat, cachedQuery, paddedInList, placeholderList, type BulkStatement } from './bulk.ts';
export { readSetting, writeSetting } from './settings.ts';
export { workspaceOfRange } from './key-ranges.ts';
