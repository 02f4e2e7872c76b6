/**
 * Badge definitions as data: a bilingual name and description, a class, and one `kind`-tagged criterion. The engine
 * (`engine.ts`) compiles these nodes; parse untrusted JSON with `parseBadgeDefinitions` (`parse.ts`) for errors that
 * name the field path.
 */
import { z } from '../../core/index.ts';
import { conditions, propertyName } from './conditions.ts';

export const MAX_EVENTS = 20;
export const MAX_DAYS = 3650;

const eventName = z.string().min(1).max(200);
const eventNames = z.array(eventName).min(1).max(MAX_EVENTS);
const text = (max: number) => z.strictObject({ en: z.string().min(1).max(max), zh: z.string().min(1).max(max) });

/** Who the counted event must be about: the member doing it (`actor`) or the member it is done to (`target`). */
export const role = z.enum(['actor', 'target']);

/** The first event of these names (and conditions) with the member in `role`. */
export const firstCriterion = z.strictObject({
  kind: z.literal('first'),
  events: eventNames,
  where: conditions,
  role: role.default('actor'),
});

/**
 * At least `n` matching events with the member in `role`. With `withinDays`, the n events must fall within that
 * many consecutive calendar days of the engine's time zone (1 = on one day).
 */
export const countCriterion = z.strictObject({
  kind: z.literal('count'),
  events: eventNames,
  where: conditions,
  role: role.default('actor'),
  n: z.int().min(1).max(1_000_000),
  withinDays: z.int().min(1).max(MAX_DAYS).optional(),
});

/**
 * Being the target of these events `n` times: by default, having one's answer accepted. A target the source left
 * out (the Stack Exchange importer drops a target equal to the actor: self-accepts) is not counted.
 */
export const acceptedCriterion = z.strictObject({
  kind: z.literal('accepted'),
  events: eventNames.default(['answer_accepted']),
  where: conditions,
  n: z.int().min(1).max(1_000_000).default(1),
  withinDays: z.int().min(1).max(MAX_DAYS).optional(),
});

/** `days` consecutive calendar days (engine time zone) with at least one matching event by the member. */
export const streakCriterion = z.strictObject({
  kind: z.literal('streak'),
  events: eventNames,
  where: conditions,
  days: z.int().min(2).max(MAX_DAYS),
});

/**
 * How an item's metric is accumulated from the events that name it: `sum` adds `delta` (or the numeric value of
 * `property`) per event; `latest` is the last value of `property` seen on the item's creating event or on `events`.
 */
export const metric = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sum'),
    events: z
      .array(
        z
          .strictObject({ event: eventName, delta: z.number().optional(), property: propertyName.optional() })
          .refine((x) => x.delta === undefined || x.property === undefined, { message: 'give delta or property, not both', path: ['property'] }),
      )
      .min(1)
      .max(MAX_EVENTS),
  }),
  z.strictObject({ kind: z.literal('latest'), property: propertyName, events: z.array(eventName).max(MAX_EVENTS).default([]) }),
]);

/**
 * The item a content criterion is about: created by the first of `events` that names it by `key` (its actor is the
 * owner), provided `where` holds on that event.
 */
export const contentItem = z.strictObject({
  key: propertyName.default('post_id'),
  events: eventNames,
  where: conditions,
});

/**
 * Facts about the item's parent (an answer's question): the parent is the item of the same key kind named by the
 * creating event's property `key`, and created by one of `events`.
 */
export const contentParent = z.strictObject({
  key: propertyName.default('parent_id'),
  events: eventNames,
  /** true: the item's owner also owns the parent (answering one's own question); false: someone else does. */
  sameOwner: z.boolean().optional(),
  /** The item was created more than this many days (of 24 hours) after its parent. */
  afterDays: z.number().min(0).max(MAX_DAYS).optional(),
  /** The item was the first item created under this parent. */
  firstChild: z.boolean().optional(),
});

/**
 * One of the member's content items (a post) reaches `atLeast` on its metric, while the item conditions hold:
 * `requires` lists events that must have named the item (e.g. `answer_accepted`), `parent` its parent's facts. The
 * award goes to the item's owner at the first event after which all of it holds; multiple-grant badges are granted
 * once per item, and a metric that drops and rises again does not grant again.
 */
export const contentCriterion = z.strictObject({
  kind: z.literal('content'),
  item: contentItem,
  metric,
  atLeast: z.number(),
  requires: z.array(eventName).max(MAX_EVENTS).default([]),
  parent: contentParent.optional(),
});

const KINDS = ['first', 'count', 'content', 'streak', 'accepted'] as const;

export const criterion = z.discriminatedUnion('kind', [firstCriterion, countCriterion, contentCriterion, streakCriterion, acceptedCriterion], {
  error: (iss) => (iss.code === 'invalid_union' ? `unknown kind; expected one of ${KINDS.join(', ')}` : undefined),
});

export const badgeClass = z.enum(['bronze', 'silver', 'gold']);

export const badgeDefinition = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a slug: lower-case letters, digits and -, at most 64'),
    name: text(100),
    description: text(500),
    class: badgeClass,
    /** Granted again for each item (content), each further `n` events (count), each streak (streak). */
    multiple: z.boolean().default(false),
    category: z.string().min(1).max(64).optional(),
    criterion,
  })
  .superRefine((b, ctx) => {
    if (b.multiple && b.criterion.kind === 'first') ctx.addIssue({ code: 'custom', path: ['multiple'], message: "a 'first' badge is granted once" });
  });

export type BadgeDefinition = z.infer<typeof badgeDefinition>;
export type BadgeDefinitionInput = z.input<typeof badgeDefinition>;
export type Criterion = z.infer<typeof criterion>;
export type ContentCriterion = z.infer<typeof contentCriterion>;
export type Metric = z.infer<typeof metric>;
export type MetricInput = z.input<typeof metric>;
export type BadgeClass = z.infer<typeof badgeClass>;
