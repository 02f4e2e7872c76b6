/**
 * The scoring settings of a workspace: which events mean what, the windows, the weights of each density's
 * components and the tier rules. Stored as one JSON document per workspace; every field has a documented default
 * (docs/scoring.md), so an empty document is a working configuration.
 */
import { z } from '../core/index.ts';

const eventName = z.string().min(1).max(200);
const propertyName = z.string().regex(/^[A-Za-z0-9_]{1,100}$/, 'letters, digits and _ only');
const weight = z.number().min(0).max(100);
const cuts = z
  .array(z.number().min(0))
  .length(4)
  .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]!), 'four numbers, each larger than the one before');

export const scoringSettings = z.object({
  /** Track events that are purchases; their amount property is in the smallest currency unit. */
  purchaseEvents: z.array(eventName).min(1).max(50).default(['purchase']),
  amountProperty: propertyName.default('amount'),
  /** Property of a purchase naming what kind of thing was bought (cross-purchase breadth). */
  categoryProperty: propertyName.default('category'),
  /** Events where a member creates content. */
  contentEvents: z.array(eventName).max(50).default(['post_created', 'comment_created']),
  /** Events where a member interacts with other members or their content. */
  interactionEvents: z.array(eventName).max(50).default(['comment_created', 'post_liked', 'invite_sent', 'invite_accepted']),
  /** Events that do not count as activity (page views are too cheap to show engagement). */
  passiveEvents: z.array(eventName).max(50).default(['page_viewed']),
  /** Frequency, monetary value and the densities look at this many days before the scoring time. */
  windowDays: z.number().int().min(7).max(3650).default(365),
  /** RFM on purchases (commerce) or on all activity (communities without sales). */
  rfmBasis: z.enum(['purchases', 'activity']).default('purchases'),
  /** Fixed cut points instead of quintiles, per dimension: four ascending numbers (see docs/scoring.md). */
  rfmThresholds: z
    .object({ recencyDays: cuts.optional(), frequency: cuts.optional(), monetary: cuts.optional() })
    .prefault({}),
  clv: z
    .object({
      /** Months ahead the lifetime value covers. */
      horizonMonths: z.number().int().min(1).max(120).default(12),
      /** Monthly discount rate. */
      monthlyDiscountRate: z.number().min(0).max(1).default(0.01),
      /** Weeks held out at the end of the history to check the model's predictions. */
      holdoutWeeks: z.number().int().min(1).max(260).default(13),
    })
    .prefault({}),
  /** Weeks of activity the trend (potential density) is fitted over. */
  trendWeeks: z.number().int().min(4).max(52).default(12),
  weights: z
    .object({
      relationship: z.object({ interaction: weight.default(1), content: weight.default(1), bond: weight.default(1) }).prefault({}),
      value: z.object({ ltv: weight.default(2), arpu: weight.default(1), breadth: weight.default(1) }).prefault({}),
      potential: z.object({ trend: weight.default(1), predicted: weight.default(1) }).prefault({}),
    })
    .prefault({}),
  lifecycle: z
    .object({
      /** Joined within this many days: new. */
      newDays: z.number().int().min(1).max(365).default(30),
      /** No activity for this many days: dormant; for `churnedDays`: churned. */
      dormantDays: z.number().int().min(1).max(3650).default(30),
      churnedDays: z.number().int().min(1).max(3650).default(90),
      /** Core KOC: relationship density at least this, and value or potential at least `kocOther`. */
      kocRelationship: z.number().min(0).max(100).default(80),
      kocOther: z.number().min(0).max(100).default(60),
      /** Potential: potential density at least this. */
      potential: z.number().min(0).max(100).default(60),
      /** Churn warning: a buyer's P(alive) below this, or activity falling (trend density below `fallingTrend`). */
      pAliveBelow: z.number().min(0).max(1).default(0.5),
      fallingTrend: z.number().min(0).max(100).default(20),
    })
    .prefault({}),
  communication: z
    .object({
      /** The score members are ranked by. */
      score: z.enum(['composite', 'relationship_density', 'value_density', 'potential_density', 'clv']).default('composite'),
      corePercent: z.number().min(0.1).max(50).default(5),
      potentialPercent: z.number().min(1).max(80).default(25),
    })
    .prefault({}),
});

export type ScoringSettings = z.infer<typeof scoringSettings>;
export type ScoringSettingsInput = z.input<typeof scoringSettings>;
