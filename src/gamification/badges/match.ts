/**
 * Compiles a `where` list (conditions.ts) into one predicate over an event's properties, once per engine, so that
 * applying an event does not walk the syntax tree or allocate.
 */
import { interned } from '../intern.ts';
import type { Condition } from './conditions.ts';

export type Predicate = (properties: Record<string, unknown>) => boolean;

const always: Predicate = () => true;

const TAGS = /<[^>]*>/g;
const VISIBLE = /[^\s\u00a0]/;
/** A non-breaking space written as an HTML entity renders as nothing visible. */
const NBSP_ENTITY = /&(?:nbsp|#160|#xa0);/gi;

function hasText(v: unknown): boolean {
  if (typeof v !== 'string' || !VISIBLE.test(v)) return false;
  return VISIBLE.test(v.replace(TAGS, '').replace(NBSP_ENTITY, ' '));
}

function one(c: Condition): Predicate {
  const p = interned(c.property);
  const v = c.value;
  switch (c.op) {
    case 'eq':
      return (props) => props[p] === v;
    case 'neq':
      return (props) => props[p] !== v;
    case 'in': {
      const set = new Set(v as unknown[]);
      return (props) => set.has(props[p]);
    }
    case 'gt':
      return (props) => typeof props[p] === 'number' && (props[p] as number) > (v as number);
    case 'gte':
      return (props) => typeof props[p] === 'number' && (props[p] as number) >= (v as number);
    case 'lt':
      return (props) => typeof props[p] === 'number' && (props[p] as number) < (v as number);
    case 'lte':
      return (props) => typeof props[p] === 'number' && (props[p] as number) <= (v as number);
    case 'exists':
      return (props) => props[p] !== undefined && props[p] !== null;
    case 'has_text':
      return (props) => hasText(props[p]);
  }
}

export function compileWhere(where: readonly Condition[]): Predicate {
  if (where.length === 0) return always;
  const preds = where.map(one);
  if (preds.length === 1) return preds[0]!;
  return (props) => {
    for (const f of preds) if (!f(props)) return false;
    return true;
  };
}
