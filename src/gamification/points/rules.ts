/**
 * The points rules as data: the zod schemas an operator's rule set is validated with (API, console, presets), and
 * the types derived from them. Cross-field checks (unique ids, references between rules, date order) are
 * refinements whose issues carry the offending field's path, so a console can put the message next to the field.
 * What the fields mean when events are applied is described in README.md and implemented in engine.ts.
 */
import { z } from '../../core/index.ts';

/** Rule ids: lower-case slugs. They prefix ledger keys (`<ruleId>:<eventId>`), so they never contain ':'. */
export const ruleId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'a slug: a-z, 0-9, _ and -, at most 64 characters');
const eventName = z.string().min(1).max(200);

/** A property of the event, dotted for nested objects: `post_id`, `order.amount`. */
export const propertyPath = z.string().regex(/^[A-Za-z0-9_]{1,100}(\.[A-Za-z0-9_]{1,100}){0,4}$/, 'a property name, dotted for nested objects');

/**
 * What a condition can test: an event property (`post_type`), a remembered fact about the thing the event names
 * (`@post.community_owned`, see `facts`), or the envelope: `$actor` / `$target` (member ids, absent when the source
 * hides them), `$platform`.
 */
export const conditionPath = z
  .string()
  .regex(
    /^(\$(actor|target|platform)|@[a-z0-9][a-z0-9_-]{0,63}\.[A-Za-z0-9_]{1,100}|[A-Za-z0-9_]{1,100}(\.[A-Za-z0-9_]{1,100}){0,4})$/,
    'a property (a.b), a fact (@fact.property) or $actor, $target, $platform',
  );

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

/** One test on the event; a rule's `where` conditions must all hold. Tagged by `op`, like every syntax node here. */
export const pointsCondition = z.discriminatedUnion('op', [
  z.object({ path: conditionPath, op: z.enum(['eq', 'ne']), value: scalar }).strict(),
  z.object({ path: conditionPath, op: z.literal('in'), value: z.array(scalar).min(1).max(1000) }).strict(),
  z.object({ path: conditionPath, op: z.enum(['gt', 'gte', 'lt', 'lte']), value: z.number() }).strict(),
  z.object({ path: conditionPath, op: z.enum(['exists', 'absent']) }).strict(),
]);
export type PointsCondition = z.infer<typeof pointsCondition>;

/** Calendar dates in the rule set's time zone. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d + 'T00:00:00Z')) && new Date(d + 'T00:00:00Z').toISOString().startsWith(d), 'not a calendar date');

const text = z.string().min(1).max(200);
const points = z.number().int().min(-1_000_000).max(1_000_000);
const cap = z.number().int().min(1).max(1_000_000_000);

export const pointsRule = z
  .object({
    id: ruleId,
    name: z.object({ en: text, zh: text }).strict(),
    /** Leaderboards per category sum the entries of the rules in it. */
    category: ruleId.optional(),
    when: z
      .object({
        event: z.union([eventName, z.array(eventName).min(1).max(50)]),
        where: z.array(pointsCondition).max(20).optional(),
      })
      .strict(),
    /**
     * Fixed points, or a numeric property times `factor` rounded to an integer (`trunc` by default: towards zero).
     * An event without that property, or with a non-numeric value, awards nothing. Absent on reversal rules.
     */
    points: z
      .union([
        points,
        z
          .object({
            property: propertyPath,
            factor: z.number().min(-1_000_000).max(1_000_000).optional(),
            round: z.enum(['trunc', 'floor', 'ceil', 'round']).optional(),
          })
          .strict(),
      ])
      .optional(),
    /**
     * The recipient: the event's actor, its target (the member the event is about, e.g. the voted post's author), or
     * the target when there is one and else the actor (sources drop a target equal to the actor: the author deleting
     * their own post). No recipient, no entry.
     */
    to: z.enum(['actor', 'target', 'target_or_actor']),
    /**
     * Dates in the zone, both inclusive. A rule applies to events from `from`, unless it is `retroactive` (then to
     * earlier events too). `replaces` names the rule this one is a new version of: that rule stops applying where
     * this one starts (everywhere, if this one is retroactive).
     */
    effective: z
      .object({ from: isoDate.optional(), until: isoDate.optional(), retroactive: z.boolean().optional(), replaces: ruleId.optional() })
      .strict()
      .optional(),
    /** Points per member from this rule per day, per ISO week (Monday first) and ever; losses are bounded alike. */
    caps: z.object({ perDay: cap.optional(), perWeek: cap.optional(), lifetime: cap.optional() }).strict().optional(),
    /** The property identifying what the points are for (`post_id`): it is the entries' `ref`, and what reversals find them by. */
    ref: propertyPath.optional(),
    /**
     * Makes this a reversal rule: for its recipient, it compensates what the listed rules applied for the thing its
     * event names (the same `ref` property on this event), or with `item` only the one award whose event had the same
     * value of that property (e.g. `vote_id`).
     */
    reverses: z
      .object({ rules: z.array(ruleId).min(1).max(50), item: propertyPath.optional() })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.reverses) {
      if (r.points !== undefined) ctx.addIssue({ code: 'custom', path: ['points'], message: 'a reversal rule takes back what the reversed rules applied: leave points out' });
      if (r.caps !== undefined) ctx.addIssue({ code: 'custom', path: ['caps'], message: 'a reversal rule has no caps' });
      if (r.category !== undefined)
        ctx.addIssue({ code: 'custom', path: ['category'], message: "a reversal's entries count in the category of the rule they compensate: leave category out" });
    } else if (r.points === undefined) {
      ctx.addIssue({ code: 'custom', path: ['points'], message: 'give the points: a number, or { property, factor }' });
    }
    const e = r.effective;
    if (e?.from && e.until && e.from > e.until) ctx.addIssue({ code: 'custom', path: ['effective', 'until'], message: `until (${e.until}) is before from (${e.from})` });
    if (e?.replaces === r.id) ctx.addIssue({ code: 'custom', path: ['effective', 'replaces'], message: 'a rule cannot replace itself' });
  });
export type PointsRule = z.infer<typeof pointsRule>;

/**
 * A fact remembered about a thing (a post) from the events that describe it (`question_posted`), so later events that
 * name the thing by the same `key` property (a vote's `post_id`) can test it as `@<id>.<property>`.
 */
export const pointsFact = z
  .object({
    id: ruleId,
    events: z.array(eventName).min(1).max(50),
    key: propertyPath,
    keep: z.array(propertyPath).min(1).max(20),
  })
  .strict();
export type PointsFact = z.infer<typeof pointsFact>;

const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'not an IANA time zone');

export const pointsRuleSet = z
  .object({
    rules: z.array(pointsRule).max(500),
    /** Day and week boundaries; overrides the workspace's zone (Stack Exchange counts UTC days). */
    timeZone: timeZone.optional(),
    /** Points a member may earn per day across rules; exempt rules neither count towards it nor are limited by it. */
    dailyCap: z.object({ points: cap, exempt: z.array(ruleId).max(500).default([]) }).strict().optional(),
    /** The balance never goes below this: a loss that would is cut to it. */
    floor: points.optional(),
    /** Every member's balance before their first entry, written as an entry of its own (`$start`). */
    startingBalance: points.optional(),
    facts: z.array(pointsFact).max(20).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const byId = new Map<string, PointsRule>();
    s.rules.forEach((r, i) => {
      if (byId.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      else byId.set(r.id, r);
    });
    s.dailyCap?.exempt.forEach((id, j) => {
      if (!byId.has(id)) ctx.addIssue({ code: 'custom', path: ['dailyCap', 'exempt', j], message: `no rule ${id}` });
    });
    const factIds = new Set<string>();
    s.facts?.forEach((f, i) => {
      if (factIds.has(f.id)) ctx.addIssue({ code: 'custom', path: ['facts', i, 'id'], message: `duplicate fact id ${f.id}` });
      factIds.add(f.id);
    });
    /** Reversed rule id → the item property the reversals match it by (one per rule, so its records are keyed once). */
    const itemOf = new Map<string, string | null>();
    s.rules.forEach((r, i) => {
      r.when.where?.forEach((c, k) => {
        if (c.path.startsWith('@') && !factIds.has(c.path.slice(1, c.path.indexOf('.'))))
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'when', 'where', k, 'path'], message: `no fact ${c.path.slice(1, c.path.indexOf('.'))} in facts` });
      });
      const replaced = r.effective?.replaces;
      if (replaced !== undefined && replaced !== r.id && !byId.has(replaced))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'effective', 'replaces'], message: `no rule ${replaced}` });
      r.reverses?.rules.forEach((id, j) => {
        const target = byId.get(id);
        const path = ['rules', i, 'reverses', 'rules', j];
        if (!target) return ctx.addIssue({ code: 'custom', path, message: `no rule ${id}` });
        if (target.reverses) return ctx.addIssue({ code: 'custom', path, message: `${id} is itself a reversal rule` });
        if (!target.ref) return ctx.addIssue({ code: 'custom', path, message: `${id} has no ref, so its entries cannot be found` });
        const item = r.reverses?.item ?? null;
        const before = itemOf.get(id);
        if (before !== undefined && item !== null && before !== null && before !== item)
          ctx.addIssue({ code: 'custom', path: ['rules', i, 'reverses', 'item'], message: `${id} is already reversed by item ${before}` });
        if (before === undefined || before === null) itemOf.set(id, item);
      });
    });
  });
export type PointsRuleSet = z.infer<typeof pointsRuleSet>;
export type PointsRuleSetInput = z.input<typeof pointsRuleSet>;
