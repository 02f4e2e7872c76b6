/**
 * In-memory evaluation of a segment for one member (real-time checks, previews). Must agree exactly with
 * `compile-sql.ts`; the rules are in README.md and the property test holds the two together.
 */
import { MICROS_PER_DAY, type EventCountNode, type ScoreName, type ScoreNode, type SegmentNode, type TierName, type TierNode, type TraitNode } from './ast.ts';

export interface MemberEvent {
  name: string;
  /** Microseconds since the epoch, UTC. */
  ts: number;
  /** 'actor': the member did it (events.member_id); 'target': it was done to the member (target_member_id). */
  role: 'actor' | 'target';
}

/**
 * What a segment can see of one member. `traits` are JSON values (as stored); `events` are the member's events
 * without merge/unmerge bookkeeping, listed once per role (an event whose actor and target are both this member
 * appears twice).
 */
export interface MemberFacts {
  traits: Record<string, unknown>;
  scores: Partial<Record<ScoreName, number | null>>;
  tiers: Partial<Record<TierName, string | null>>;
  /** The events, or a function giving them when a node first needs them (and/or stop early, so often none does). */
  events: readonly MemberEvent[] | (() => readonly MemberEvent[]);
}

/** Whether the member belongs to the segment at `asOf` (microseconds since the epoch, UTC). */
export function evaluateSegment(node: SegmentNode, member: MemberFacts, asOf: number): boolean {
  return new Evaluation(member, asOf).test(node);
}

class Evaluation {
  // Several nodes often count the same (event, window, role): count each once per member.
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly member: MemberFacts,
    private readonly asOf: number,
  ) {}

  test(node: SegmentNode): boolean {
    switch (node.kind) {
      case 'and':
        return node.of.every((n) => this.test(n));
      case 'or':
        return node.of.some((n) => this.test(n));
      case 'not':
        return !this.test(node.of);
      case 'trait':
        return traitMatches(node, traitAt(this.member.traits, node.path));
      case 'score':
        return scoreMatches(node, this.member.scores[node.score]);
      case 'tier':
        return tierMatches(node, this.member.tiers[node.tier]);
      case 'event_count':
        return compare(this.count(node), node.op, node.value);
    }
  }

  private count(node: EventCountNode): number {
    const role = node.role ?? 'actor';
    const key = `${role}\u0000${node.windowDays}\u0000${node.event}`;
    const cached = this.counts.get(key);
    if (cached !== undefined) return cached;
    const from = this.asOf - node.windowDays * MICROS_PER_DAY;
    let n = 0;
    const events = typeof this.member.events === 'function' ? this.member.events() : this.member.events;
    for (const e of events) {
      if (e.ts > from && e.ts <= this.asOf && e.role === role && e.name === node.event) n++;
    }
    this.counts.set(key, n);
    return n;
  }
}

/** Walks own keys of plain objects only, like DuckDB's `$."a"."b"` (which neither indexes arrays nor sees prototypes). */
function traitAt(traits: Record<string, unknown>, path: string): unknown {
  let v: unknown = traits;
  for (const key of path.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

type Scalar = string | number | boolean;

function traitMatches(node: TraitNode, v: unknown): boolean {
  if (v === undefined || v === null) return false;
  const value = node.value;
  switch (node.op) {
    case 'exists':
      return true;
    case 'eq':
      return sameJson(v, value as Scalar);
    case 'neq':
      return !sameJson(v, value as Scalar);
    case 'in':
      return (value as (string | number)[]).some((x) => sameJson(v, x));
    case 'contains':
      return typeof v === 'string' && v.includes(value as string);
    default:
      return typeof v === 'number' && compare(v, node.op, value as number);
  }
}

// Same JSON type and value: 5 and "5" differ, and objects or arrays equal no scalar.
const sameJson = (v: unknown, x: Scalar): boolean => typeof v === typeof x && v === x;

function scoreMatches(node: ScoreNode, v: number | null | undefined): boolean {
  // NaN counts as missing, as it does in SQL (NULLIF), where NaN would otherwise equal NaN.
  if (typeof v !== 'number' || Number.isNaN(v)) return false;
  return node.op === 'exists' || compare(v, node.op, node.value as number);
}

function tierMatches(node: TierNode, v: string | null | undefined): boolean {
  if (typeof v !== 'string') return false;
  if (node.op === 'in') return (node.value as string[]).includes(v);
  return node.op === 'eq' ? v === node.value : v !== node.value;
}

function compare(a: number, op: 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte', b: number): boolean {
  switch (op) {
    case 'eq':
      return a === b;
    case 'neq':
      return a !== b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}
