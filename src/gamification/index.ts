/**
 * Incentives as a service: points rules and an append-only ledger, badges, levels with privileges, leaderboards and
 * creator revenue share, all derived from the event log by pure engines (see README.md).
 */
export { gamificationConfig, AWARD_EVENT, AWARD_RULE_ID, withAwardRule, type GamificationConfig, type GamificationConfigInput } from './config.ts';
export { compareEvents, MapState, type EngineState, type GamificationEvent } from './events.ts';
export { activeConfig, activeConfigIn, configVersions, saveConfig, validateConfig, type ConfigVersion } from './runtime/config-store.ts';
export { Engines, type Outputs } from './runtime/engines.ts';
export { EngineCache, gamificationHook, applyBatch } from './runtime/service.ts';
export { replayGamification, type ReplayReport } from './runtime/replay.ts';
export { checkpointOwned } from './runtime/state-owner.ts';
export { catchUpLeaderboards, leaderboardTop, memberRank, periodKey, PERIOD_KINDS, type PeriodKind, type RankedMember } from './runtime/leaderboards.ts';
export {
  memberBalance,
  memberLedger,
  memberBadges,
  memberLevelRow,
  badgeHolders,
  levelHolders,
  badgeAwards,
  pointsInPeriod,
  balancesCsv,
  badgesCsv,
  type LedgerView,
  type AwardView,
} from './runtime/queries.ts';
export { PRESETS, presetConfig, type PresetName } from './presets/index.ts';
export { resolveMember, privilegesOf, memberIncentives, type MemberIncentives } from './runtime/member-view.ts';
export { splitRevenue, payoutReportCsv } from './payouts/index.ts';
export { pointsRuleSet, type PointsRuleSet } from './points/index.ts';
export { badgeDefinition, type BadgeDefinition } from './badges/index.ts';
export { levelLadder, type LevelLadder } from './levels/index.ts';
export { payoutReport, payoutCsv, payoutRequest, type PayoutReport } from './runtime/payout-report.ts';
export { GamificationJobs, checkLevels } from './runtime/jobs.ts';
export { LeaderboardThread } from './runtime/leaderboard-thread.ts';
