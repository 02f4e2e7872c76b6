/** Segments: the segment language (AST schema), its SQL compiler and its in-memory evaluator. */
export {
  segmentNode,
  traitNode,
  scoreNode,
  tierNode,
  eventCountNode,
  scoreName,
  tierName,
  SCORE_NAMES,
  TIER_NAMES,
  MAX_DEPTH,
  MAX_CHILDREN,
  MAX_IN_VALUES,
  MAX_WINDOW_DAYS,
  MICROS_PER_DAY,
  type SegmentNode,
  type TraitNode,
  type ScoreNode,
  type TierNode,
  type EventCountNode,
  type ScoreName,
  type TierName,
} from './ast.ts';
export { parseSegment } from './parse.ts';
export { compileSegment, type CompileContext, type CompiledSegment } from './compile-sql.ts';
export { evaluateSegment, type MemberFacts, type MemberEvent } from './evaluate.ts';
export { scoreMembers, type ScoringReport } from './run/score-members.ts';
export { LIFECYCLE_TIERS, LIFECYCLE_RULES, lifecycleTier, type LifecycleTier } from './tiers/lifecycle.ts';
export { COMMUNICATION_TIERS, communicationTiers, type CommunicationTier } from './tiers/communication.ts';
export {
  latestReport,
  loadScoringSettings,
  memberScores,
  membershipChanges,
  runScoring,
  saveScoringSettings,
  scoringRules,
  scoringRuns,
  tierFlows,
  type MemberScores,
  type MembershipChange,
  type RunSummary,
  type TierFlow,
} from './scoring.ts';
export {
  checkMember,
  deleteSegment,
  getSegment,
  listSegments,
  previewSegment,
  saveSegment,
  segmentCsv,
  segmentExportRows,
  segmentKey,
  SEGMENT_EXPORT_COLUMNS,
  type Segment,
} from './definitions.ts';
export { refreshSegments, type SegmentRefresh } from './memberships.ts';
export { clvHistogram, rfmGrid, type ClvHistogram, type RfmCell } from './distributions.ts';
export { ScoringScheduler } from './scheduler.ts';
