/**
 * A segment definition (the JSON tree of docs/segments.md) as one readable line in the UI language, e.g.
 * "生命周期层级 = 流失预警 且 终身价值 ≥ ¥500.00". Pure: the words come in as `SummaryWords`. The input is untrusted
 * (the editor's text, or a definition from a newer server), so anything unexpected is shown as compact JSON.
 */
import type { SegmentScoreName, SegmentTierName } from '../../../../src/api/schemas/index.ts';
import type { Same } from '../value/tiers.ts';

export interface SummaryWords {
  and: string;
  or: string;
  not: string;
  /** "has a value" (the `exists` op). */
  exists: string;
  /** A comparison op as a symbol or word (eq → "=", in → "属于"); unknown ops come back unchanged. */
  op(op: string): string;
  trait(path: string): string;
  score(name: string): string;
  tier(name: string): string;
  /** A tier value by its label (churn_warning → 流失预警). */
  tierValue(tier: string, value: string): string;
  events(event: string, days: number, role: 'actor' | 'target'): string;
  /** An amount in the smallest currency unit (fen) as money (50000 → ¥500.00). */
  money(minorUnits: number): string;
  number(n: number): string;
}

/** The names the definition language knows (docs/segments.md); others are shown as they are. */
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
// The lists must name exactly what the server's language knows: a compile error here means they drifted apart.
const sameNames: [Same<SegmentScoreName, (typeof SCORE_NAMES)[number]>, Same<SegmentTierName, (typeof TIER_NAMES)[number]>] = [true, true];
void sameNames;
export const COMPARE_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'] as const;


/** Scores that are amounts of money in fen. */
export const MONEY_SCORES: ReadonlySet<string> = new Set(['monetary', 'clv']);

/** Beyond this depth the server refuses the definition anyway; the summary stops rather than recursing on. */
const MAX_DEPTH = 12;
const MAX_JSON = 80;

type Node = Record<string, unknown>;

export function summarizeDefinition(definition: unknown, w: SummaryWords): string {
  return describe(definition, w, 0);
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compact(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > MAX_JSON ? `${s.slice(0, MAX_JSON - 1)}…` : s;
}

function describe(node: unknown, w: SummaryWords, depth: number): string {
  if (depth > MAX_DEPTH) return '…';
  if (!isNode(node)) return compact(node);
  switch (node['kind']) {
    case 'and':
    case 'or': {
      const of = node['of'];
      if (!Array.isArray(of) || of.length === 0) return compact(node);
      return of.map((child) => group(child, w, depth + 1)).join(` ${w[node['kind']]} `);
    }
    case 'not':
      return `${w.not} (${describe(node['of'], w, depth + 1)})`;
    case 'trait':
      return condition(w, w.trait(text(node['path'])), node, (v) => literal(v, w));
    case 'score': {
      const name = text(node['score']);
      const money = MONEY_SCORES.has(name);
      return condition(w, w.score(name), node, (v) => (typeof v === 'number' ? (money ? w.money(v) : w.number(v)) : compact(v)));
    }
    case 'tier': {
      const tier = text(node['tier']);
      const label = (v: unknown) => (typeof v === 'string' ? w.tierValue(tier, v) : compact(v));
      return condition(w, w.tier(tier), node, (v) => (Array.isArray(v) ? `[${v.map(label).join(', ')}]` : label(v)));
    }
    case 'event_count': {
      const days = typeof node['windowDays'] === 'number' ? node['windowDays'] : NaN;
      const role = node['role'] === 'target' ? 'target' : 'actor';
      return condition(w, w.events(text(node['event']), days, role), node, (v) => (typeof v === 'number' ? w.number(v) : compact(v)));
    }
    default:
      return compact(node);
  }
}

/** A child of and/or: parenthesised when it is itself a combination of several conditions. */
function group(child: unknown, w: SummaryWords, depth: number): string {
  const inner = describe(child, w, depth);
  const compound = isNode(child) && (child['kind'] === 'and' || child['kind'] === 'or') && Array.isArray(child['of']) && child['of'].length > 1;
  return compound ? `(${inner})` : inner;
}

function condition(w: SummaryWords, subject: string, node: Node, value: (v: unknown) => string): string {
  const op = text(node['op']);
  if (op === 'exists') return `${subject} ${w.exists}`;
  const v = node['value'];
  return `${subject} ${w.op(op)} ${v === undefined ? '?' : value(v)}`;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : compact(v);
}

function literal(v: unknown, w: SummaryWords): string {
  if (typeof v === 'string') return `"${v}"`;
  if (typeof v === 'number') return w.number(v);
  if (Array.isArray(v)) return `[${v.map((x) => literal(x, w)).join(', ')}]`;
  return compact(v);
}
