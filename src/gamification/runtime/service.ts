/**
 * Gamification at run time: the ingest hook that awards points, badges and levels inside the ingest transaction, and
 * the engines of each workspace's configuration in force (rebuilt when a new version is saved, also by another
 * process: the hook checks the version on every batch, one indexed read).
 */
import type { DomainEvents } from '../../core/index.ts';
import type { IngestHook } from '../../ingest/index.ts';
import { workspaceTimeZone, type RowDialect, type RowStore, type Tx } from '../../store/index.ts';
import { gamificationConfig } from '../config.ts';
import type { GamificationEvent } from '../events.ts';
import { emptyOutputs, Engines, type Outputs } from './engines.ts';
import { stateOwner, type EnginesOf } from './state-owner.ts';
import { loadState, saveState } from './state-store.ts';
import { writeOutputs } from './write-outputs.ts';

export class EngineCache {
  private readonly byWorkspace = new Map<number, Engines | null>();
  private readonly byVersion = new Map<string, Engines>();

  /** The engines of the version in force, or null when the workspace has no configuration. */
  async forWorkspace(trx: Tx, ws: number): Promise<Engines | null> {
    const head = await trx.selectFrom('gamification_configs').select(['version']).where('workspace_id', '=', ws).orderBy('version', 'desc').limit(1).executeTakeFirst();
    const cached = this.byWorkspace.get(ws);
    if (!head) {
      this.byWorkspace.set(ws, null);
      return null;
    }
    const version = Number(head.version);
    if (cached && cached.version === version) return cached;
    const row = await trx.selectFrom('gamification_configs').select('config').where('workspace_id', '=', ws).where('version', '=', version).executeTakeFirstOrThrow();
    const engines = new Engines(version, gamificationConfig.parse(JSON.parse(row.config)), await workspaceTimeZone(trx, ws));
    this.byWorkspace.set(ws, engines);
    return engines;
  }

  /** The engines of one saved version (batches recorded under an older version are applied again with its rules). */
  async forVersion(trx: Tx, ws: number, version: number): Promise<Engines | null> {
    const head = this.byWorkspace.get(ws);
    if (head && head.version === version) return head;
    const key = `${ws}:${version}`;
    const cached = this.byVersion.get(key);
    if (cached) return cached;
    const row = await trx.selectFrom('gamification_configs').select('config').where('workspace_id', '=', ws).where('version', '=', version).executeTakeFirst();
    if (!row) return null;
    const engines = new Engines(version, gamificationConfig.parse(JSON.parse(row.config)), await workspaceTimeZone(trx, ws));
    this.byVersion.set(key, engines);
    return engines;
  }

  /** `forVersion` bound to a transaction. */
  versions(trx: Tx, ws: number): EnginesOf {
    return (version) => this.forVersion(trx, ws, version);
  }
}

/**
 * Applies a batch of new events to the workspace's incentive state stored in rows, in the caller's transaction: every
 * row the batch needs is read and every row it changed is written (PostgreSQL, where several processes ingest).
 */
export async function applyBatch(trx: Tx, dialect: RowDialect, engines: Engines, ws: number, events: readonly GamificationEvent[], now: number): Promise<Outputs> {
  const relevant = events.filter((e) => engines.relevant(e));
  if (relevant.length === 0) return emptyOutputs();
  const keys: string[] = [];
  for (const e of relevant) for (const k of engines.stateKeys(e)) keys.push(k);
  const state = await loadState(trx, dialect, ws, keys);
  const out = emptyOutputs();
  engines.applyAll(relevant, state, out);
  await writeOutputs(trx, dialect, ws, engines.version, engines.categories, out, now);
  await saveState(trx, dialect, ws, state);
  return out;
}

/**
 * The ingest hook; level changes and badges are announced on `events` once the transaction has committed. On SQLite
 * the engines' state is owned in memory between checkpoints (state-owner.ts); on PostgreSQL every batch reads and
 * writes its rows.
 */
export function gamificationHook(rows: RowStore, cache: EngineCache, events?: DomainEvents): IngestHook {
  const dialect = rows.dialect;
  return async (trx, ctx, batch) => {
    const ws = ctx.workspaceId;
    const engines = await cache.forWorkspace(trx, ws);
    if (!engines) return;
    let out: Outputs;
    if (dialect === 'sqlite') {
      const relevant = batch.filter((e) => engines.relevant(e));
      if (relevant.length === 0) return;
      const owner = stateOwner(rows, ws);
      await owner.sync(trx, cache.versions(trx, ws));
      out = emptyOutputs();
      await owner.apply(trx, engines, relevant, out);
      await writeOutputs(trx, dialect, ws, engines.version, engines.categories, out, ctx.now);
      await owner.record(trx, engines.version, relevant, ctx.now);
    } else out = await applyBatch(trx, dialect, engines, ws, batch, ctx.now);
    if (!events || (out.awards.length === 0 && out.levelChanges.length === 0)) return;
    return () => {
      for (const a of out.awards) events.emit('gamification.badge_awarded', { workspaceId: ws, memberId: a.memberId, badgeId: a.badgeId, subject: a.subject, awardedAt: a.awardedAt });
      for (const c of out.levelChanges) events.emit('gamification.level_changed', { workspaceId: ws, memberId: c.memberId, from: c.from, to: c.to, direction: c.direction, at: c.at });
    };
  };
}
