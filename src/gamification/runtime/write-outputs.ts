/**
 * Writes what the engines produced: ledger entries and badge awards append (their keys are unique, so applying an
 * event twice writes nothing twice), and level changes update the member's level and its history.
 */
import { bulkInsert, bulkInsertFlat, type BulkStatement, type RowDialect, type Tx } from '../../store/index.ts';
import type { Outputs } from './engines.ts';

const LEDGER: BulkStatement = {
  name: 'points_ledger_insert',
  table: 'points_ledger',
  columns: ['workspace_id', 'key', 'member_id', 'rule_id', 'category', 'event_id', 'ts', 'day', 'points', 'requested', 'kind', 'capped', 'ref', 'reverses', 'config_version', 'created_at'],
  suffix: 'ON CONFLICT (workspace_id, key) DO NOTHING',
};
const AWARDS: BulkStatement = {
  name: 'badge_awards_insert',
  table: 'badge_awards',
  columns: ['workspace_id', 'key', 'badge_id', 'member_id', 'awarded_at', 'day', 'subject', 'event_id', 'config_version'],
  suffix: 'ON CONFLICT (workspace_id, key) DO NOTHING',
};
const LEVELS: BulkStatement = {
  name: 'member_levels_upsert',
  table: 'member_levels',
  columns: ['workspace_id', 'member_id', 'level', 'since'],
  suffix: 'ON CONFLICT (workspace_id, member_id) DO UPDATE SET level = excluded.level, since = excluded.since',
};
const LEVEL_CHANGES: BulkStatement = {
  name: 'level_changes_insert',
  table: 'level_changes',
  columns: ['workspace_id', 'member_id', 'from_level', 'to_level', 'direction', 'reason', 'at'],
};

export async function writeOutputs(
  trx: Tx,
  dialect: RowDialect,
  ws: number,
  version: number,
  categories: ReadonlyMap<string, string>,
  out: Outputs,
  now: number,
): Promise<void> {
  // Flat parameter lists, 500 rows a statement: a row array per entry was most of replay's garbage.
  for (let from = 0; from < out.ledger.length; from += 500) {
    const to = Math.min(out.ledger.length, from + 500);
    const params: unknown[] = [];
    for (let i = from; i < to; i++) {
      const e = out.ledger[i]!;
      params.push(ws, e.key, e.memberId, e.ruleId, e.category ?? categories.get(e.ruleId) ?? null, e.eventId, e.ts, e.day, e.points, e.requested, e.kind, e.capped, e.ref, e.reverses, version, now);
    }
    await bulkInsertFlat(trx, dialect, LEDGER, params, to - from);
  }
  await bulkInsert(trx, dialect, AWARDS, out.awards.map((a) => [ws, a.key, a.badgeId, a.memberId, a.awardedAt, a.day, a.subject, a.eventId, version]));
  if (out.levelChanges.length > 0) {
    // The last change of each member is their level now.
    const latest = new Map<number, (typeof out.levelChanges)[number]>();
    for (const c of out.levelChanges) latest.set(c.memberId, c);
    await bulkInsert(trx, dialect, LEVELS, [...latest.values()].map((c) => [ws, c.memberId, c.to, c.at]));
    await bulkInsert(trx, dialect, LEVEL_CHANGES, out.levelChanges.map((c) => [ws, c.memberId, c.from, c.to, c.direction, c.reason, c.at]));
  }
}
