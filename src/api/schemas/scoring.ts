/** Member value: scoring settings, runs and their reports, rules, flows between tiers, one member's scores. */
import { z } from '@hono/zod-openapi';

const nullableNumber = z.number().nullable();

export const holdoutRowSchema = z.object({ frequency: z.number().int(), orMore: z.boolean(), customers: z.number().int(), predicted: z.number(), actual: z.number() });

export const scoringReportSchema = z
  .object({
    runId: z.number().int(),
    asOf: z.number().openapi({ description: 'scores are as of this instant (microseconds since the epoch, UTC)' }),
    members: z.number().int(),
    buyers: z.number().int(),
    repeatBuyers: z.number().int(),
    bgnbd: z.object({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number(), ll: z.number(), converged: z.boolean() }).nullable(),
    gammaGamma: z.object({ p: z.number(), q: z.number(), gamma: z.number(), ll: z.number(), converged: z.boolean() }).nullable(),
    holdout: z.object({ weeks: z.number().int(), rows: z.array(holdoutRowSchema) }).nullable(),
    warnings: z.array(z.string()),
    sizes: z.object({ rfm: z.record(z.string(), z.number()), lifecycle: z.record(z.string(), z.number()), communication: z.record(z.string(), z.number()) }),
    communicationCutoffs: z.object({ score: z.string(), core: nullableNumber, potential: nullableNumber }),
    tierChanges: z.number().int(),
    segments: z.array(z.object({ key: z.string(), members: z.number().int(), entered: z.number().int(), left: z.number().int() })),
    seconds: z.record(z.string(), z.number()),
  })
  .openapi('ScoringReport');
export type ScoringReportBody = z.infer<typeof scoringReportSchema>;

const bilingual = z.object({ en: z.string(), zh: z.string() });
export const scoringRulesSchema = z
  .object({
    rfmScoring: z
      .object({ recencyDays: z.array(z.number()).nullable(), frequency: z.array(z.number()).nullable(), monetary: z.array(z.number()).nullable() })
      .openapi({ description: 'per dimension: four cut points, or null for quintiles with shared ties' }),
    rfm: z.array(z.object({ segment: z.string(), r: z.tuple([z.number(), z.number()]), f: z.tuple([z.number(), z.number()]), why: bilingual })),
    lifecycle: z.array(z.object({ tier: z.string(), rule: bilingual })),
    communication: z.object({ score: z.string(), tiers: z.array(z.string()), corePercent: z.number(), potentialPercent: z.number() }),
  })
  .openapi('ScoringRules');

export const valuePageSchema = z
  .object({
    report: scoringReportSchema.nullable(),
    rules: scoringRulesSchema,
    rfmGrid: z.array(z.object({ r: z.number().int(), f: z.number().int(), members: z.number().int(), meanM: z.number(), segment: z.string() })),
    clv: z.object({
      buckets: z.array(z.object({ from: z.number(), to: nullableNumber, members: z.number().int() })),
      buyers: z.number().int(),
      mean: nullableNumber,
      median: nullableNumber,
      p90: nullableNumber,
    }),
    timeZone: z.string(),
  })
  .openapi('MemberValue');
export type MemberValueBody = z.infer<typeof valuePageSchema>;

export const tierFlowSchema = z
  .object({
    runId: z.number().int(),
    asOf: z.number(),
    sizes: z.record(z.string(), z.number()),
    moves: z.array(z.object({ from: z.string().nullable(), to: z.string().nullable(), members: z.number().int() })),
  })
  .openapi('TierFlow');
export type TierFlowBody = z.infer<typeof tierFlowSchema>;

export const runSummarySchema = z.object({
  runId: z.number().int(),
  status: z.string(),
  asOf: z.number(),
  startedAt: z.number(),
  finishedAt: nullableNumber,
  report: z.unknown(),
});

export const memberScoresSchema = z
  .object({
    memberId: z.string(),
    runId: z.number().int(),
    rfm: z.object({ recencyDays: nullableNumber, frequency: nullableNumber, monetary: nullableNumber, r: nullableNumber, f: nullableNumber, m: nullableNumber, code: z.string().nullable(), segment: z.string().nullable() }),
    clv: z.object({ pAlive: nullableNumber, expectedPurchases: nullableNumber, value: nullableNumber }),
    densities: z.object({ relationship: nullableNumber, value: nullableNumber, potential: nullableNumber }),
    components: z.record(z.string(), nullableNumber).openapi({ description: 'ranks 0–1 behind each density (null: not measured) and the raw counts' }),
    lifecycleTier: z.string().nullable(),
    communicationTier: z.string().nullable(),
  })
  .openapi('MemberScores');
export type MemberScoresBody = z.infer<typeof memberScoresSchema>;

export const segmentSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    definition: z.unknown().openapi({ description: 'segment AST: see docs/segments.md' }),
    createdAt: z.number(),
    updatedAt: z.number(),
  })
  .openapi('Segment');
export type SegmentBody = z.infer<typeof segmentSchema>;

export const membershipChangeSchema = z
  .object({
    id: z.number().int(),
    runId: z.number().int(),
    memberId: z.string(),
    kind: z.string().openapi({ description: 'lifecycle_tier | communication_tier | segment' }),
    subject: z.string().openapi({ description: 'the tier kind, or the segment key' }),
    from: z.string().nullable().openapi({ description: 'null: entered' }),
    to: z.string().nullable().openapi({ description: 'null: left' }),
    at: z.number(),
  })
  .openapi('MembershipChange');
export type MembershipChangeBody = z.infer<typeof membershipChangeSchema>;

/** The names the segment language knows, for clients that describe definitions (type only: the web checks its lists). */
export type { ScoreName as SegmentScoreName, TierName as SegmentTierName, LifecycleTier, CommunicationTier } from '../../segments/index.ts';
export type { RfmSegment } from '../../models/index.ts';
