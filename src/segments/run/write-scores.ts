/**
 * Writes one scoring run's results: the row store gets each member's latest scores (for reads of one member) and a
 * change row for every tier a member entered or left; the column store gets the member dimension for analytics.
 * Both are replaced as a whole per workspace, each in one transaction.
 */
import { DuckDBTimestampValue } from '@duckdb/node-api';
import { bulkInsert, withWriteTransaction, type BulkStatement, type ColumnStore, type RowStore } from '../../store/index.ts';

export interface ScoreRow {
  memberId: number;
  recencyDays: number | null;
  frequency: number | null;
  monetary: number | null;
  r: number | null;
  f: number | null;
  m: number | null;
  rfmCode: string | null;
  rfmSegment: string | null;
  pAlive: number | null;
  expectedPurchases: number | null;
  clv: number | null;
  relationship: number | null;
  value: number | null;
  potential: number | null;
  lifecycle: string;
  communication: string;
  components: string;
}

const SCORES: BulkStatement = {
  name: 'member_scores',
  table: 'member_scores',
  columns: [
    'workspace_id', 'member_id', 'run_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'rfm_code', 'rfm_segment',
    'p_alive', 'expected_purchases', 'clv', 'relationship_density', 'value_density', 'potential_density', 'lifecycle_tier', 'communication_tier', 'components',
  ],
};
const CHANGES: BulkStatement = {
  name: 'membership_changes',
  table: 'membership_changes',
  columns: ['workspace_id', 'run_id', 'member_id', 'kind', 'subject', 'from_value', 'to_value', 'at'],
};

export interface TierChange {
  memberId: number;
  kind: 'lifecycle_tier' | 'communication_tier';
  from: string | null;
  to: string | null;
}

/** Replaces the workspace's scores and records tier changes against the previous run; returns the changes. */
export async function writeRowScores(rows: RowStore, ws: number, runId: number, scores: readonly ScoreRow[], now: number): Promise<TierChange[]> {
  return withWriteTransaction(rows, async (trx) => {
    const before = await trx.selectFrom('member_scores').select(['member_id', 'lifecycle_tier', 'communication_tier']).where('workspace_id', '=', ws).execute();
    const previous = new Map(before.map((r) => [Number(r.member_id), r]));
    const changes: TierChange[] = [];
    for (const s of scores) {
      const p = previous.get(s.memberId);
      previous.delete(s.memberId);
      if ((p?.lifecycle_tier ?? null) !== s.lifecycle) changes.push({ memberId: s.memberId, kind: 'lifecycle_tier', from: p?.lifecycle_tier ?? null, to: s.lifecycle });
      if ((p?.communication_tier ?? null) !== s.communication) changes.push({ memberId: s.memberId, kind: 'communication_tier', from: p?.communication_tier ?? null, to: s.communication });
    }
    // Members scored last time and not now (merged into another member): they leave their tiers.
    for (const [memberId, p] of previous) {
      if (p.lifecycle_tier) changes.push({ memberId, kind: 'lifecycle_tier', from: p.lifecycle_tier, to: null });
      if (p.communication_tier) changes.push({ memberId, kind: 'communication_tier', from: p.communication_tier, to: null });
    }
    await trx.deleteFrom('member_scores').where('workspace_id', '=', ws).execute();
    await bulkInsert(
      trx,
      rows.dialect,
      SCORES,
      scores.map((s) => [ws, s.memberId, runId, s.recencyDays, s.frequency, s.monetary, s.r, s.f, s.m, s.rfmCode, s.rfmSegment, s.pAlive, s.expectedPurchases, s.clv, s.relationship, s.value, s.potential, s.lifecycle, s.communication, s.components]),
      // 20 columns: 400 rows stay under PostgreSQL's 65,535 bound parameters and SQLite's 32,766.
      400,
    );
    await bulkInsert(trx, rows.dialect, CHANGES, changes.map((c) => [ws, runId, c.memberId, c.kind, c.kind, c.from, c.to, now]));
    return changes;
  });
}

const nullableDouble = (a: { appendDouble(v: number): void; appendNull(): void }, v: number | null) => (v === null ? a.appendNull() : a.appendDouble(v));

/** The member dimension in DuckDB: scores plus traits (for segments on traits), swapped in one transaction. */
export async function writeColumnScores(cols: ColumnStore, ws: number, scores: readonly ScoreRow[], traits: ReadonlyMap<number, string>, computedAt: number): Promise<void> {
  await cols.exclusive(async () => {
    await cols.run('DELETE FROM member_scores_staging');
    const a = await cols.writer.createAppender('member_scores_staging');
    const at = new DuckDBTimestampValue(BigInt(computedAt));
    for (const s of scores) {
      a.appendInteger(ws);
      a.appendBigInt(BigInt(s.memberId));
      a.appendTimestamp(at);
      a.appendVarchar(traits.get(s.memberId) ?? '{}');
      nullableDouble(a, s.recencyDays);
      s.frequency === null ? a.appendNull() : a.appendBigInt(BigInt(Math.round(s.frequency)));
      s.monetary === null ? a.appendNull() : a.appendBigInt(BigInt(Math.round(s.monetary)));
      for (const v of [s.r, s.f, s.m]) (v === null ? a.appendNull() : a.appendTinyInt(v));
      s.rfmCode === null ? a.appendNull() : a.appendVarchar(s.rfmCode);
      s.rfmSegment === null ? a.appendNull() : a.appendVarchar(s.rfmSegment);
      for (const v of [s.pAlive, s.expectedPurchases, s.clv, s.relationship, s.value, s.potential]) nullableDouble(a, v);
      a.appendVarchar(s.lifecycle);
      a.appendVarchar(s.communication);
      a.endRow();
    }
    a.closeSync();
    await cols.run('BEGIN TRANSACTION');
    try {
      await cols.run('DELETE FROM member_scores WHERE workspace_id = $1', [ws]);
      await cols.run('INSERT INTO member_scores SELECT * FROM member_scores_staging');
      await cols.run('COMMIT');
    } catch (err) {
      await cols.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
    await cols.run('DELETE FROM member_scores_staging');
  });
}
