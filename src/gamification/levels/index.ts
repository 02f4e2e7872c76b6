/** Levels with privileges: the ladder schema, the engine, and the presets' building blocks. */
export {
  levelLadder,
  levelDefinition,
  levelRequirement,
  demotionPolicy,
  parseLadder,
  requirementId,
  MAX_WINDOW_DAYS,
  MAX_DISTINCT,
  type LevelLadder,
  type LevelLadderInput,
  type LevelDefinition,
  type LevelRequirement,
  type DemotionPolicy,
} from './ladder.ts';
export { LevelEngine, type LevelChange, type RequirementProgress } from './engine.ts';
export type { MemberLevelState, CommunityState } from './member-state.ts';
