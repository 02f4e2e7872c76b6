/** Points: the rule schema, the engine that turns events into ledger entries, and the state it keeps. */
export { pointsRule, pointsRuleSet, pointsCondition, pointsFact, ruleId, propertyPath, conditionPath, type PointsRule, type PointsRuleSet, type PointsRuleSetInput, type PointsCondition, type PointsFact } from './rules.ts';
export { PointsEngine, STARTING_BALANCE_RULE, memberBalance, type LedgerEntry, type CapReason } from './engine.ts';
export { memberKey, appliedKey, factKey, type MemberPoints, type RuleTotals, type AppliedByRule } from './state.ts';
