/** The badge engine and its definition language; see README.md. */
export {
  badgeDefinition,
  badgeClass,
  criterion,
  firstCriterion,
  countCriterion,
  contentCriterion,
  streakCriterion,
  acceptedCriterion,
  metric,
  type BadgeDefinition,
  type BadgeDefinitionInput,
  type BadgeClass,
  type Criterion,
  type ContentCriterion,
  type Metric,
} from './criteria.ts';
export { condition, conditions, type Condition } from './conditions.ts';
export { parseBadgeDefinitions } from './parse.ts';
export { BadgeEngine, type BadgeEngineOptions } from './engine.ts';
export type { BadgeAward } from './award.ts';
