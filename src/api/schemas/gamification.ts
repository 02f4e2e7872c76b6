/** Incentives: what the gamification endpoints return (the console reads these types). */
import { z } from '@hono/zod-openapi';

export const bilingualSchema = z.object({ en: z.string(), zh: z.string() });

export const ledgerEntrySchema = z
  .object({
    id: z.number().int(),
    ruleId: z.string(),
    ruleName: bilingualSchema.nullable().openapi({ description: 'the rule in words (null for rules no longer in the configuration)' }),
    category: z.string().nullable(),
    eventId: z.string(),
    ts: z.number().openapi({ description: 'event time, µs since the epoch (UTC)' }),
    day: z.string().openapi({ description: 'the day the entry counts for, in the rule set’s time zone' }),
    points: z.number().int().openapi({ description: 'applied, after caps and the floor' }),
    requested: z.number().int().openapi({ description: 'what the rule asked for' }),
    kind: z.enum(['award', 'reversal']),
    capped: z.string().nullable().openapi({ description: 'why less was applied: rule_day, rule_week, lifetime, daily or floor' }),
    ref: z.string().nullable(),
    reverses: z.string().nullable().openapi({ description: 'for a reversal: the rule whose points it takes back' }),
    configVersion: z.number().int(),
  })
  .openapi('LedgerEntry');

export const badgeAwardSchema = z
  .object({ badgeId: z.string(), awardedAt: z.number(), day: z.string(), subject: z.string().nullable(), eventId: z.string() })
  .openapi('BadgeAward');

export const rankedMemberSchema = z.object({ member: z.string().openapi({ example: 'mem_00001a' }), label: z.string(), points: z.number().int(), rank: z.number().int() }).openapi('RankedMember');

export const memberIncentivesSchema = z
  .object({
    member: z.string(),
    points: z.number().int(),
    level: z.object({ id: z.string().nullable(), since: z.number().nullable(), privileges: z.array(z.string()) }),
    progress: z
      .object({
        level: z.string().nullable().openapi({ description: 'the next level (the top level itself when already there)' }),
        requirements: z.array(z.object({ requirement: z.string(), value: z.number(), needed: z.number(), met: z.boolean() })),
      })
      .openapi({ description: 'what the next level needs, requirement by requirement' }),
    badges: z.array(badgeAwardSchema),
    rank: z.object({ rank: z.number().int(), points: z.number().int(), members: z.number().int() }).nullable(),
  })
  .openapi('MemberIncentives');

export const replayReportSchema = z
  .object({
    version: z.number().int(),
    events: z.number().int(),
    ledgerEntries: z.number().int(),
    badgeAwards: z.number().int(),
    levelChanges: z.number().int(),
    seconds: z.number(),
    evaluationSeconds: z.number(),
    eventsPerSecond: z.number(),
  })
  .openapi('ReplayReport');

export const configVersionSchema = z
  .object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.number(), config: z.record(z.string(), z.unknown()) })
  .openapi('GamificationConfigVersion');

export const catalogueSchema = z
  .object({
    version: z.number().int().nullable(),
    timeZone: z.string(),
    rules: z.array(z.record(z.string(), z.unknown())),
    badges: z.array(z.object({ definition: z.record(z.string(), z.unknown()), awards: z.number().int(), members: z.number().int() })),
    levels: z.array(z.object({ definition: z.record(z.string(), z.unknown()), members: z.number().int(), privileges: z.array(z.string()) })),
    presets: z.array(z.object({ id: z.string(), name: bilingualSchema, description: bilingualSchema })),
  })
  .openapi('GamificationCatalogue');

export const payoutReportSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    pool: z.object({ amount: z.number().int(), currency: z.string() }),
    totalPoints: z.string(),
    rows: z.array(z.object({ member: z.string(), label: z.string(), points: z.number(), share: z.object({ numerator: z.string(), denominator: z.string(), decimal: z.string() }), amount: z.number().int() })),
    excluded: z.array(z.object({ member: z.string(), label: z.string(), points: z.number(), reason: z.string() })),
    undistributed: z.number().int(),
  })
  .openapi('PayoutReport');

export type LedgerEntryBody = z.infer<typeof ledgerEntrySchema>;
export type MemberIncentivesBody = z.infer<typeof memberIncentivesSchema>;
export type RankedMemberBody = z.infer<typeof rankedMemberSchema>;
export type CatalogueBody = z.infer<typeof catalogueSchema>;
export type PayoutReportBody = z.infer<typeof payoutReportSchema>;
export type ReplayReportBody = z.infer<typeof replayReportSchema>;
