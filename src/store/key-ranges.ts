/**
 * Reading a workspace's rows "after id N" (a watermark, a page cursor) must walk the table's integer key from N.
 * Without statistics SQLite prefers any index that starts with `workspace_id` for `workspace_id = ?`, reads every row
 * of the workspace through it and sorts them by id: a pass over the whole table per page. Comparing the workspace as
 * an expression leaves the key range as the only way in (PostgreSQL plans by its statistics either way).
 */
import { sql } from 'kysely';

export const workspaceOfRange = sql<number>`workspace_id + 0`;
