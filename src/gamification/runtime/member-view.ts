/**
 * One member's incentive state as an app asks for it: who (a `mem_…` id, or the app's own user id on a platform),
 * balance, level with privileges and progress, badges, and rank on the all-time board.
 */
import { AppError, memberPublicId } from '../../core/index.ts';
import { identityHolder, liveMemberId } from '../../members/index.ts';
import type { RowStore, Tx } from '../../store/index.ts';
import type { GamificationConfig } from '../config.ts';
import { activeConfig } from './config-store.ts';
import { memberBalance as pointsBalance } from '../points/engine.ts';
import { memberKey } from '../points/state.ts';
import { EngineCache } from './service.ts';
import { readState } from './state-owner.ts';
import { catchUpLeaderboards, memberRank } from './leaderboards.ts';
import { memberBadges, memberBalance, memberLevelRow, type AwardView } from './queries.ts';

/** `mem_…`, or an app user id (kind user_id) on `platform`. */
export async function resolveMember(db: Tx, ws: number, ref: string, platform: string): Promise<number> {
  if (ref.startsWith('mem_')) return (await liveMemberId(db, ws, ref)).id;
  const holder = await identityHolder(db, ws, { platform, kind: 'user_id', value: ref });
  if (!holder) throw new AppError('not_found', `no member with user id "${ref}" on platform ${platform}`, { field: 'member' });
  return (await liveMemberId(db, ws, memberPublicId(holder.memberId))).id;
}

/** The privileges of a level: its own and those of every level below it. */
export function privilegesOf(config: GamificationConfig | null, level: string | null): string[] {
  const ladder = config?.levels;
  if (!ladder || level === null) return [];
  const at = ladder.levels.findIndex((l) => l.id === level);
  if (at < 0) return [];
  return [...new Set(ladder.levels.slice(0, at + 1).flatMap((l) => l.privileges))].sort();
}

export interface MemberIncentives {
  memberId: number;
  points: number;
  level: { id: string | null; since: number | null; privileges: string[] };
  /** What the next level needs, requirement by requirement (empty without a ladder; the top level's own when at the top). */
  progress: { level: string | null; requirements: { requirement: string; value: number; needed: number; met: boolean }[] };
  badges: AwardView[];
  rank: { rank: number; points: number; members: number } | null;
}

export async function memberIncentives(rows: RowStore, ws: number, memberId: number, now: number): Promise<MemberIncentives> {
  await catchUpLeaderboards(rows, ws);
  const config = await activeConfig(rows.db, ws);
  const [balance, level, badges, rank] = await Promise.all([
    memberBalance(rows.db, ws, memberId),
    memberLevelRow(rows.db, ws, memberId),
    memberBadges(rows.db, ws, memberId),
    memberRank(rows.boards.db, ws, { board: 'all', period: 'all', memberId, around: 0 }),
  ]);
  return {
    memberId,
    points: balance.points,
    level: { id: level.level, since: level.since, privileges: privilegesOf(config?.config ?? null, level.level) },
    progress: await levelProgress(rows, ws, memberId, now, level.level),
    badges,
    rank: rank ? { rank: rank.member.rank, points: rank.member.points, members: rank.members } : null,
  };
}

/** The next level and how far the member is from each of its requirements, from the level engine's stored state. */
async function levelProgress(rows: RowStore, ws: number, memberId: number, now: number, current: string | null): Promise<MemberIncentives['progress']> {
  const cache = new EngineCache();
  const engines = await cache.forWorkspace(rows.db, ws);
  const levels = engines?.levels;
  if (!levels) return { level: null, requirements: [] };
  // Through the ingest hook's memory when it holds the newest state (state-owner.ts).
  const state = await readState(rows, ws, [...levels.memberStateKeys(memberId), memberKey(memberId)], (trx) => cache.versions(trx, ws), now);
  const ladder = levels.ladder.levels;
  const at = current === null ? -1 : ladder.findIndex((l) => l.id === current);
  const next = ladder[Math.min(at + 1, ladder.length - 1)]!;
  return { level: next.id, requirements: levels.progress(memberId, now, state, pointsBalance(state, memberId)) };
}
