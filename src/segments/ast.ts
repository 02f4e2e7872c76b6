/**
 * The segment language: a `kind`-tagged JSON syntax tree, its size limits, and the op/value rules, as one zod
 * schema. Parse here once; `compile-sql.ts` and `evaluate.ts` then read the same immutable nodes.
 */
import { z } from '../core/index.ts';

export const MAX_DEPTH = 8;
export const MAX_CHILDREN = 50;
export const MAX_IN_VALUES = 100;
export const MAX_VALUE_LENGTH = 1000;
export const MAX_NAME_LENGTH = 200;
export const MAX_WINDOW_DAYS = 3650;
/** Event windows are whole 24-hour days counted back from `asOf`, in UTC microseconds. */
export const MICROS_PER_DAY = 86_400_000_000;

export const SCORE_NAMES = [
  'recency_days',
  'frequency',
  'monetary',
  'r_score',
  'f_score',
  'm_score',
  'p_alive',
  'expected_purchases',
  'clv',
  'relationship_density',
  'value_density',
  'potential_density',
] as const;
export const TIER_NAMES = ['lifecycle_tier', 'communication_tier', 'rfm_segment', 'rfm_code'] as const;

export const scoreName = z.enum(SCORE_NAMES);
export const tierName = z.enum(TIER_NAMES);
export type ScoreName = z.infer<typeof scoreName>;
export type TierName = z.infer<typeof tierName>;

/** Segments of [A-Za-z0-9_]: the compiler embeds the path in a JSON path literal, so nothing else may get in. */
export const TRAIT_PATH = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

// A lone surrogate cannot be stored as UTF-8, so DuckDB and JavaScript would compare different strings.
const LONE_SURROGATE = /\p{Cs}/u;
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !LONE_SURROGATE.test(s), 'must be well-formed Unicode (no lone surrogates)');
const name = text(MAX_NAME_LENGTH).min(1);

const COMPARE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;
export const traitOp = z.enum([...COMPARE_OPS, 'in', 'exists', 'contains']);
export const scoreOp = z.enum([...COMPARE_OPS, 'exists']);
export const tierOp = z.enum(['eq', 'neq', 'in']);
export const countOp = z.enum(COMPARE_OPS);

const scalar = z.union([text(MAX_VALUE_LENGTH), z.number()]);

type Problem = string | undefined;

// The op/value pairings that field types alone cannot express; each problem is reported on the node's `value`.
function traitValueProblem(op: z.infer<typeof traitOp>, v: unknown): Problem {
  switch (op) {
    case 'exists':
      return v === undefined ? undefined : "'exists' takes no value";
    case 'in':
      return Array.isArray(v) ? undefined : "'in' needs a list of strings and numbers";
    case 'contains':
      return typeof v === 'string' ? undefined : "'contains' needs a string value";
    case 'eq':
    case 'neq':
      return v !== undefined && !Array.isArray(v) ? undefined : `'${op}' needs a string, number or boolean value`;
    default:
      return typeof v === 'number' ? undefined : `'${op}' needs a number value`;
  }
}

function scoreValueProblem(op: z.infer<typeof scoreOp>, v: unknown): Problem {
  if (op === 'exists') return v === undefined ? undefined : "'exists' takes no value";
  return v === undefined ? `'${op}' needs a number value` : undefined;
}

function tierValueProblem(op: z.infer<typeof tierOp>, v: unknown): Problem {
  if (op === 'in') return Array.isArray(v) ? undefined : "'in' needs a list of strings";
  return typeof v === 'string' ? undefined : `'${op}' needs a string value`;
}

const onValue = (problem: Problem, ctx: z.RefinementCtx) => {
  if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
};

export const traitNode = z
  .strictObject({
    kind: z.literal('trait'),
    path: z.string().min(1).max(MAX_NAME_LENGTH).regex(TRAIT_PATH, 'must be a dot path of [A-Za-z0-9_] segments'),
    op: traitOp,
    value: z
      .union([scalar, z.boolean(), z.array(scalar).min(1).max(MAX_IN_VALUES)], {
        error: `must be a string, number, boolean, or a list of 1 to ${MAX_IN_VALUES} strings and numbers`,
      })
      .optional(),
  })
  .superRefine((n, ctx) => onValue(traitValueProblem(n.op, n.value), ctx));

export const scoreNode = z
  .strictObject({ kind: z.literal('score'), score: scoreName, op: scoreOp, value: z.number().optional() })
  .superRefine((n, ctx) => onValue(scoreValueProblem(n.op, n.value), ctx));

export const tierNode = z
  .strictObject({
    kind: z.literal('tier'),
    tier: tierName,
    op: tierOp,
    value: z.union([name, z.array(name).min(1).max(MAX_IN_VALUES)], { error: `must be a string or a list of 1 to ${MAX_IN_VALUES} strings` }),
  })
  .superRefine((n, ctx) => onValue(tierValueProblem(n.op, n.value), ctx));

export const eventCountNode = z.strictObject({
  kind: z.literal('event_count'),
  event: name,
  windowDays: z.int().min(1).max(MAX_WINDOW_DAYS),
  op: countOp,
  value: z.int().min(0),
  role: z.enum(['actor', 'target']).optional(),
});

const KINDS = ['and', 'or', 'not', 'trait', 'score', 'tier', 'event_count'] as const;

// The getters make the schema recursive with inferred types (zod 4's replacement for annotated z.lazy).
const andNode = z.strictObject({
  kind: z.literal('and'),
  get of() {
    return z.array(nodeShape).min(1).max(MAX_CHILDREN);
  },
});
const orNode = z.strictObject({
  kind: z.literal('or'),
  get of() {
    return z.array(nodeShape).min(1).max(MAX_CHILDREN);
  },
});
const notNode = z.strictObject({
  kind: z.literal('not'),
  get of() {
    return nodeShape;
  },
});

const nodeShape = z.discriminatedUnion('kind', [andNode, orNode, notNode, traitNode, scoreNode, tierNode, eventCountNode], {
  error: (iss) => (iss.code === 'invalid_union' ? `unknown kind; expected one of ${KINDS.join(', ')}` : undefined),
});

/**
 * Finds the first node deeper than MAX_DEPTH without recursing past it, so a hostile 10 000-level document is
 * rejected before zod walks it (recursion that deep would overflow the stack).
 */
function depthIssue(input: unknown, depth = 1, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  if (depth > MAX_DEPTH) return path;
  const { kind, of } = input as { kind?: unknown; of?: unknown };
  if (kind === 'not') return depthIssue(of, depth + 1, [...path, 'of']);
  if ((kind === 'and' || kind === 'or') && Array.isArray(of)) {
    for (let i = 0; i < of.length; i++) {
      const found = depthIssue(of[i], depth + 1, [...path, 'of', i]);
      if (found) return found;
    }
  }
  return undefined;
}

/** A segment definition: parse untrusted JSON with `parseSegment` (typed errors) or use this in larger schemas. */
export const segmentNode = z
  .unknown()
  .superRefine((input, ctx) => {
    const path = depthIssue(input);
    if (path) ctx.addIssue({ code: 'custom', path, message: `segment is nested deeper than ${MAX_DEPTH} levels` });
  })
  .pipe(nodeShape);

export type SegmentNode = z.infer<typeof nodeShape>;
export type TraitNode = z.infer<typeof traitNode>;
export type ScoreNode = z.infer<typeof scoreNode>;
export type TierNode = z.infer<typeof tierNode>;
export type EventCountNode = z.infer<typeof eventCountNode>;
