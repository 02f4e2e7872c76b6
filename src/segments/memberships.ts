/**
 * Segment membership as a job: after each scoring run every saved segment is evaluated over the fresh member
 * dimension, and the difference with the stored membership becomes history (entered / left rows in
 * membership_changes, the domain events automations react to). A segment's members are stored, not recomputed on
 * read, so "since when" is known.
 */
import { bulkInsert, withWriteTransaction, type BulkStatement, type ColumnStore, type RowStore } from '../store/index.ts';
import type { SegmentNode } from './ast.ts';
import { segmentMemberIds, segmentRows } from './definitions.ts';

const MEMBERS: BulkStatement = { name: 'segment_members', table: 'segment_members', columns: ['workspace_id', 'segment_id', 'member_id', 'since'] };
const CHANGES: BulkStatement = {
  name: 'membership_changes',
  table: 'membership_changes',
  columns: ['workspace_id', 'run_id', 'member_id', 'kind', 'subject', 'from_value', 'to_value', 'at'],
};

export interface SegmentRefresh {
  key: string;
  members: number;
  entered: number;
  left: number;
}

export async function refreshSegments(rows: RowStore, cols: ColumnStore, ws: number, runId: number, asOf: number, now: number): Promise<SegmentRefresh[]> {
  const out: SegmentRefresh[] = [];
  for (const seg of await segmentRows(rows, ws)) {
    const segmentId = Number(seg.id);
    const current = new Set(await segmentMemberIds(cols, ws, JSON.parse(seg.definition) as SegmentNode, asOf));
    const result = await withWriteTransaction(rows, async (trx) => {
      const before = await trx.selectFrom('segment_members').select('member_id').where('workspace_id', '=', ws).where('segment_id', '=', segmentId).execute();
      const was = new Set(before.map((r) => Number(r.member_id)));
      const entered = [...current].filter((m) => !was.has(m));
      const left = [...was].filter((m) => !current.has(m));
      for (let i = 0; i < left.length; i += 500) {
        await trx.deleteFrom('segment_members').where('workspace_id', '=', ws).where('segment_id', '=', segmentId).where('member_id', 'in', left.slice(i, i + 500)).execute();
      }
      await bulkInsert(trx, rows.dialect, MEMBERS, entered.map((m) => [ws, segmentId, m, now]));
      await bulkInsert(trx, rows.dialect, CHANGES, [
        ...entered.map((m) => [ws, runId, m, 'segment', seg.key, null, 'member', now]),
        ...left.map((m) => [ws, runId, m, 'segment', seg.key, 'member', null, now]),
      ]);
      return { entered: entered.length, left: left.length };
    });
    out.push({ key: seg.key, members: current.size, ...result });
  }
  return out;
}
