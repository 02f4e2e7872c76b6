/**
 * Property conditions: the `where` lists of badge criteria, as immutable `op`-tagged nodes. A list holds when every
 * condition holds. Evaluation lives in `match.ts`; this file only says what a valid condition is.
 */
import { z } from '../../core/index.ts';

export const MAX_CONDITIONS = 20;
export const MAX_IN_VALUES = 100;

/** Top-level event property names; the engine reads `properties[name]` and nothing deeper. */
export const propertyName = z.string().regex(/^[A-Za-z0-9_$]{1,100}$/, 'letters, digits, _ and $ only (1 to 100)');

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

const COMPARE = ['gt', 'gte', 'lt', 'lte'] as const;

/**
 * - `eq` / `neq` / `in`: strict equality with a string, number or boolean (`neq` also holds when the property is absent);
 * - `gt` / `gte` / `lt` / `lte`: numeric comparison (a missing or non-numeric property fails);
 * - `exists`: present and not null;
 * - `has_text`: a string with visible text once HTML tags and whitespace are removed (a profile's "About me" of
 *   `<p></p>` is empty, `<p>hi</p>` is not).
 */
export const conditionOp = z.enum(['eq', 'neq', 'in', ...COMPARE, 'exists', 'has_text']);

export const condition = z
  .strictObject({
    property: propertyName,
    op: conditionOp,
    value: z.union([scalar, z.array(scalar).min(1).max(MAX_IN_VALUES)]).optional(),
  })
  .superRefine((c, ctx) => {
    const problem = valueProblem(c.op, c.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function valueProblem(op: z.infer<typeof conditionOp>, v: unknown): string | undefined {
  switch (op) {
    case 'exists':
    case 'has_text':
      return v === undefined ? undefined : `'${op}' takes no value`;
    case 'in':
      return Array.isArray(v) ? undefined : "'in' needs a list of values";
    case 'eq':
    case 'neq':
      return v !== undefined && !Array.isArray(v) ? undefined : `'${op}' needs a string, number or boolean value`;
    default:
      return typeof v === 'number' ? undefined : `'${op}' needs a number value`;
  }
}

export const conditions = z.array(condition).max(MAX_CONDITIONS).default([]);

export type Condition = z.infer<typeof condition>;
