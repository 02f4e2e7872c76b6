/**
 * The level ladder as data: ordered levels, each with the privileges it grants, the requirements that earn it and the
 * policy that takes it away. Requirements are `kind`-tagged nodes; `counters.ts` turns them into the per-member
 * counters the engine keeps, `measure.ts` reads them back. Parse untrusted JSON with `parseLadder` (errors name the
 * field path, e.g. `levels.2.requirements.0.min`).
 */
import { AppError, z } from '../../core/index.ts';

/** The longest window a requirement may look back over: every windowed counter is a ring of this many days at most. */
export const MAX_WINDOW_DAYS = 731;
/**
 * A distinct-count requirement keeps the most recent `min` (or `max + 1`) values per member, so the bound on it is a
 * bound on state size.
 */
export const MAX_DISTINCT = 1000;

const eventName = z.string().min(1).max(200);
const propertyName = z.string().regex(/^[A-Za-z0-9_]{1,100}$/, 'letters, digits and _ only');
const slug = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, _ . - (at most 64)');
const bilingual = z.object({ en: z.string().min(1).max(200), zh: z.string().min(1).max(200) });
const events = z.array(eventName).min(1).max(20);
const windowDays = z.number().int().min(1).max(MAX_WINDOW_DAYS);
/**
 * Whose events count: the actor's (posts written, likes given) or the target's (likes received on one's posts).
 * `othersOnly` drops events whose counterpart is unknown or the member themself (a reply in one's own topic).
 */
const role = z.enum(['actor', 'target']).default('actor');
const common = {
  /** Names the requirement in progress reports and level-change reasons; derived from the fields when absent. */
  id: slug.optional(),
  name: bilingual.optional(),
  events,
  role,
  othersOnly: z.boolean().default(false),
};

/** The member's points balance (from the points ledger) at least `min`. */
const pointsRequirement = z.object({
  kind: z.literal('points'),
  id: slug.optional(),
  name: bilingual.optional(),
  min: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/**
 * Events counted (or a numeric property summed, e.g. seconds read) over the last `windowDays` local days, or over all
 * time without a window. The bound is a fixed `min`, a `max` (at most this many, e.g. flagged posts), or a share of
 * the same events community-wide in the same window (Discourse: 25% of the topics created in the last 100 days,
 * capped at 500).
 */
const countRequirement = z
  .object({
    kind: z.literal('count'),
    ...common,
    sum: propertyName.optional(),
    windowDays: windowDays.optional(),
    min: z.number().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    max: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    communityShare: z
      .object({
        share: z.number().gt(0).max(1),
        /** The community-wide events the share is taken of (all members, any actor). */
        of: events,
        cap: z.number().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      })
      .optional(),
  })
  .superRefine((r, ctx) => {
    const bounds = [r.min, r.max, r.communityShare].filter((b) => b !== undefined).length;
    if (bounds !== 1) ctx.addIssue({ code: 'custom', path: ['min'], message: 'give exactly one of min, max, communityShare' });
    if (r.communityShare && r.windowDays === undefined)
      ctx.addIssue({ code: 'custom', path: ['windowDays'], message: 'a community share needs a window' });
  });

/**
 * Distinct local days with at least one of the events in the last `windowDays` days: a number (`min`) or a share of
 * the window (`share: 0.5` of 100 days = Discourse TL3's 50 days visited). With `sum`, only days where the property
 * adds up to more than zero count (Discourse: visits with posts read). Without a window: days ever (Discourse TL2's
 * 15 days visited), counted as events arrive in time order.
 */
const activeDaysRequirement = z
  .object({
    kind: z.literal('active_days'),
    ...common,
    sum: propertyName.optional(),
    windowDays: windowDays.optional(),
    min: z.number().int().min(0).optional(),
    share: z.number().gt(0).max(1).optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.min === undefined) === (r.share === undefined))
      ctx.addIssue({ code: 'custom', path: ['min'], message: 'give exactly one of min, share' });
    if (r.share !== undefined && r.windowDays === undefined)
      ctx.addIssue({ code: 'custom', path: ['windowDays'], message: 'a share of days needs a window' });
    if (r.min !== undefined && r.windowDays !== undefined && r.min > r.windowDays)
      ctx.addIssue({ code: 'custom', path: ['min'], message: `cannot exceed windowDays (${r.windowDays})` });
  });

/** What makes two events "the same" for a distinct count: a property (the topic replied to) or the other member. */
const distinctBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('property'), name: propertyName }),
  z.object({ kind: z.literal('counterpart') }),
]);

/** Distinct values (topics replied to, members who liked one's posts) over a window or all time. */
const distinctRequirement = z
  .object({
    kind: z.literal('distinct'),
    ...common,
    by: distinctBy,
    windowDays: windowDays.optional(),
    min: z.number().int().min(1).max(MAX_DISTINCT).optional(),
    max: z.number().int().min(0).max(MAX_DISTINCT - 1).optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.min === undefined) === (r.max === undefined)) ctx.addIssue({ code: 'custom', path: ['min'], message: 'give exactly one of min, max' });
  });

export const levelRequirement = z.discriminatedUnion('kind', [pointsRequirement, countRequirement, activeDaysRequirement, distinctRequirement]);

/**
 * How a level is lost. `immediate`: as soon as a requirement fails (point thresholds). `never`: kept once earned.
 * `hysteresis` (Discourse TL3): only when a requirement falls below `keepShare` of what promotion needed, and never
 * within `graceDays` local days of the promotion.
 */
export const demotionPolicy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('immediate') }),
  z.object({ kind: z.literal('never') }),
  z.object({
    kind: z.literal('hysteresis'),
    keepShare: z.number().gt(0).max(1).default(0.9),
    graceDays: z.number().int().min(0).max(3650).default(14),
  }),
]);

const privilegeName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'lower_snake_case (at most 64)');

export const levelDefinition = z.object({
  id: slug,
  name: bilingual,
  description: bilingual.optional(),
  /** Flags an app can query; a member holds the union of the privileges of their level and every level below. */
  privileges: z.array(privilegeName).max(100).default([]),
  /** All must hold for promotion. A first level without requirements is where every member starts. */
  requirements: z.array(levelRequirement).max(30).default([]),
  demotion: demotionPolicy.default({ kind: 'immediate' }),
});

export const levelLadder = z
  .object({
    id: slug.default('levels'),
    name: bilingual.optional(),
    /** Lowest first. Promotion climbs one level at a time; each step needs that level's requirements. */
    levels: z.array(levelDefinition).min(1).max(50),
  })
  .superRefine((ladder, ctx) => {
    const ids = new Set<string>();
    ladder.levels.forEach((level, i) => {
      if (ids.has(level.id)) ctx.addIssue({ code: 'custom', path: ['levels', i, 'id'], message: `duplicate level id ${level.id}` });
      ids.add(level.id);
      const reqIds = new Set<string>();
      level.requirements.forEach((r, j) => {
        const id = requirementId(r);
        if (reqIds.has(id))
          ctx.addIssue({ code: 'custom', path: ['levels', i, 'requirements', j, 'id'], message: `duplicate requirement id ${id} (give each an id)` });
        reqIds.add(id);
      });
    });
  });

export type LevelRequirement = z.infer<typeof levelRequirement>;
export type DemotionPolicy = z.infer<typeof demotionPolicy>;
export type LevelDefinition = z.infer<typeof levelDefinition>;
export type LevelLadder = z.infer<typeof levelLadder>;
export type LevelLadderInput = z.input<typeof levelLadder>;

/** The requirement's id, or one derived from its fields (stable across saves of the same ladder). */
export function requirementId(r: LevelRequirement): string {
  if (r.id) return r.id;
  if (r.kind === 'points') return 'points';
  const who = r.role === 'target' ? 'received' : 'by';
  const scope = r.windowDays === undefined ? 'all' : `${r.windowDays}d`;
  const what = r.events.join('+');
  switch (r.kind) {
    case 'count':
      return `${r.sum ? `sum_${r.sum}` : 'count'}:${what}:${who}:${scope}`;
    case 'active_days':
      return `days:${what}${r.sum ? `:${r.sum}` : ''}:${who}:${scope}`;
    case 'distinct':
      return `distinct_${r.by.kind === 'property' ? r.by.name : 'members'}:${what}:${who}:${scope}`;
  }
}

/** Parses untrusted JSON into a ladder, or throws `invalid_request` naming the field path of the first problem. */
export function parseLadder(input: unknown, field?: string): LevelLadder {
  const parsed = levelLadder.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: [...(field ? [field] : []), ...i.path.map(String)].join('.'), message: i.message }));
  const first = issues[0] ?? { field: field ?? '', message: 'invalid level ladder' };
  throw new AppError('invalid_request', `${first.field || 'levels'}: ${first.message}`, { field: first.field, details: issues, cause: parsed.error });
}
