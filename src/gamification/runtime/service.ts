/**
 * Gamification at run time: the ingest hook that awards points, badges and levels inside the ingest transaction, and
 * the engines of each workspace's configuration in force (rebuilt when a new version is saved, also by another
 * process: the hook checks the version on every batch, one indexed read).
 */
import type { DomainEvents } from '../../core/index.ts';
import type { IngestHook } from '../../ingest/index.ts';
import { workspaceTimeZone, type RowDialect, type Tx } from '../../store/index.ts';
import { gamificationConfig } from '../config.ts';
import type { GamificationEvent } from '../events.ts';
import { emptyOutputs, Engines } from './engines.ts';
import { StateCache } from './state-cache.ts';
import { loadState, saveState } from './state-store.ts';
import { writeOutputs } from './write-outputs.ts';

export class EngineCache {
  private readonly byWorkspace = new Map<number, Engines | null>();

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
}

/**
 * Applies a batch of new events to the workspace's incentive state, in the caller's transaction. With a state cache,
 * returns what to run once the transaction has committed (the cache takes the batch's rows back).
 */
export async function applyBatch(trx: Tx, dialect: RowDialect, engines: Engines, ws: number, events: readonly GamificationEvent[], now: number, cache?: StateCache) {
  const relevant = events.filter((e) => engines.relevant(e));
  if (relevant.length === 0) return { out: emptyOutputs(), committed: undefined };
  const keys: string[] = [];
  for (const e of relevant) for (const k of engines.stateKeys(e)) keys.push(k);
  if (cache) await cache.validate(trx);
  const state = await loadState(trx, dialect, ws, keys, cache);
  const out = emptyOutputs();
  engines.applyAll(relevant, state, out);
  await writeOutputs(trx, dialect, ws, engines.version, engines.categories, out, now);
  const committed = await saveState(trx, dialect, ws, state);
  return { out, committed };
}

/**
 * The ingest hook; level changes and badges are announced on `events` once the transaction has committed. On SQLite
 * the engines' state rows stay cached between batches (state-cache.ts); on PostgreSQL several processes write, so
 * every batch reads its rows.
 */
export function gamificationHook(dialect: RowDialect, cache: EngineCache, events?: DomainEvents): IngestHook {
  const states = new Map<number, StateCache>();
  const stateCache = (ws: number) => {
    if (dialect !== 'sqlite') return undefined;
    let c = states.get(ws);
    if (!c) states.set(ws, (c = new StateCache(ws)));
    return c;
  };
  return async (trx, ctx, batch) => {
    const engines = await cache.forWorkspace(trx, ctx.workspaceId);
    if (!engines) return;
    const { out, committed } = await applyBatch(trx, dialect, engines, ctx.workspaceId, batch, ctx.now, stateCache(ctx.workspaceId));
    const announce = events !== undefined && (out.awards.length > 0 || out.levelChanges.length > 0);
    if (!committed && !announce) return;
    const workspaceId = ctx.workspaceId;
    return () => {
      committed?.();
      if (!events || !announce) return;
      for (const a of out.awards) events.emit('gamification.badge_awarded', { workspaceId, memberId: a.memberId, badgeId: a.badgeId, subject: a.subject, awardedAt: a.awardedAt });
      for (const c of out.levelChanges) events.emit('gamification.level_changed', { workspaceId, memberId: c.memberId, from: c.from, to: c.to, direction: c.direction, at: c.at });
    };
  };
}
