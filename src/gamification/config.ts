/**
 * A workspace's incentive configuration: points rules, badges and the level ladder, as one versioned JSON document.
 * Saving a new version never rewrites history by itself: entries keep the version they were made under, and
 * `replay` recomputes everything from the events when the operator wants the new rules applied to the past.
 */
import { z } from 'zod';
import { badgeDefinition } from './badges/criteria.ts';
import { levelLadder } from './levels/ladder.ts';
import { pointsRuleSet, type PointsRuleSet } from './points/rules.ts';

export const gamificationConfig = z
  .object({
    /** The preset this configuration started from, if any (informational). */
    preset: z.string().max(64).optional(),
    points: pointsRuleSet.optional(),
    badges: z.array(badgeDefinition).max(500).default([]),
    levels: levelLadder.nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.badges.forEach((b, i) => {
      if (seen.has(b.id)) ctx.addIssue({ code: 'custom', path: ['badges', i, 'id'], message: `duplicate badge id ${b.id}` });
      seen.add(b.id);
    });
  });

export type GamificationConfig = z.infer<typeof gamificationConfig>;
export type GamificationConfigInput = z.input<typeof gamificationConfig>;

/** Awards through the API (`POST /v1/gamification/award`) are events of this name, so they replay like any other. */
export const AWARD_EVENT = '$points_award';
export const AWARD_RULE_ID = 'api_award';

/**
 * The rule every configuration carries for API awards: the event's `points` property to the actor, outside the daily
 * cap (the app already decided), still under the balance floor.
 */
export function withAwardRule(points: PointsRuleSet | undefined): PointsRuleSet {
  const base = pointsRuleSet.parse(points ?? { rules: [] });
  if (base.rules.some((r) => r.id === AWARD_RULE_ID)) return base;
  const rule = {
    id: AWARD_RULE_ID,
    name: { en: 'Awarded by the app', zh: '应用直接发放' },
    when: { event: AWARD_EVENT },
    points: { property: 'points' },
    to: 'actor',
    ref: 'reason',
  };
  return pointsRuleSet.parse({
    ...base,
    rules: [...base.rules, rule],
    ...(base.dailyCap ? { dailyCap: { ...base.dailyCap, exempt: [...base.dailyCap.exempt, AWARD_RULE_ID] } } : {}),
  });
}
