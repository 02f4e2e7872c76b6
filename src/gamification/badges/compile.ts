/**
 * Turns badge definitions into per-event-name plans, once per engine: which member rules an event feeds (as actor
 * or as target) and, per item namespace, whether it creates an item, moves a metric, records a required fact, and
 * which content rules must then be re-evaluated. Applying an event is then a map lookup and a few loops.
 */
import { interned } from '../intern.ts';
import type { BadgeDefinition } from './criteria.ts';
import { compileWhere, type Predicate } from './match.ts';
import { itemKeyPrefix } from './state.ts';

const DAY_US = 86_400_000_000;

/** A first, count, accepted or streak criterion. */
export interface MemberRule {
  id: string;
  multiple: boolean;
  kind: 'first' | 'count' | 'streak';
  where: Predicate;
  /** count: events needed; streak: days needed. */
  n: number;
  /** count: window in days, 0 for none. */
  withinDays: number;
}

export interface ParentRule {
  key: string;
  sameOwner: boolean | undefined;
  /** Minimum age gap in µs (exclusive), or -1 for none. */
  afterUs: number;
  firstChild: boolean | undefined;
}

export interface ContentRule {
  id: string;
  multiple: boolean;
  ns: string;
  creators: ReadonlySet<string>;
  /** The item spec's id when it has a `where` (its outcome is stored on the item), else null. */
  whereId: string | null;
  metricId: string;
  /** A `sum` metric starts at 0; a `latest` metric is unmet until a value is seen. */
  startsAtZero: boolean;
  atLeast: number;
  requires: readonly string[];
  parent: ParentRule | null;
}

export interface ItemPlan {
  /** The event name (the plan's own string: stored on items, compared with the rules' names). */
  event: string;
  ns: string;
  /** `itemKeyPrefix(ns)`, built once. */
  keyPrefix: string;
  /** The event creates items in this namespace: `where` outcomes to record and parent keys to look up. */
  create: { wheres: { id: string; pred: Predicate }[]; parentKeys: string[] } | null;
  sums: { metricId: string; delta: number; property: string | null }[];
  latest: { metricId: string; property: string }[];
  /** The event is one some rule `requires` on the item. */
  fact: boolean;
  rules: ContentRule[];
  /** Some rule is single-grant: the owner's member record is needed. */
  needsOwner: boolean;
}

export interface EventPlan {
  actor: MemberRule[];
  target: MemberRule[];
  items: ItemPlan[];
}

/** JSON with sorted keys: the same definition always gives the same id, whatever order its fields were written in. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * A short stable id of a definition fragment (FNV-1a, 32 bits). Stored in item records in place of the fragment,
 * so it must not depend on which other badges are configured.
 */
function fragmentId(v: unknown): string {
  const s = canonical(v);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return interned((h >>> 0).toString(36));
}

export function compilePlans(defs: readonly BadgeDefinition[]): Map<string, EventPlan> {
  const plans = new Map<string, EventPlan>();
  const plan = (name: string): EventPlan => {
    let p = plans.get(name);
    if (!p) plans.set(name, (p = { actor: [], target: [], items: [] }));
    return p;
  };
  const itemPlan = (name: string, ns: string): ItemPlan => {
    const p = plan(name);
    let ip = p.items.find((x) => x.ns === ns);
    if (!ip) p.items.push((ip = { event: name, ns, keyPrefix: itemKeyPrefix(ns), create: null, sums: [], latest: [], fact: false, rules: [], needsOwner: false }));
    return ip;
  };
  const creates = (ip: ItemPlan) => (ip.create ??= { wheres: [], parentKeys: [] });
  const listens = (ip: ItemPlan, rule: ContentRule) => {
    if (!ip.rules.includes(rule)) ip.rules.push(rule);
    if (!rule.multiple) ip.needsOwner = true;
  };

  const registeredMetrics = new Set<string>();
  for (const def of defs) {
    const c = def.criterion;
    if (c.kind !== 'content') {
      const rule: MemberRule = {
        id: interned(def.id),
        multiple: def.multiple,
        kind: c.kind === 'accepted' ? 'count' : c.kind,
        where: compileWhere(c.where),
        n: c.kind === 'streak' ? c.days : c.kind === 'first' ? 1 : c.n,
        withinDays: c.kind === 'count' || c.kind === 'accepted' ? (c.withinDays ?? 0) : 0,
      };
      const role = c.kind === 'accepted' ? 'target' : c.kind === 'streak' ? 'actor' : c.role;
      for (const name of new Set(c.events)) plan(name)[role].push(rule);
      continue;
    }
    const ns = interned(c.item.key);
    const whereId = c.item.where.length > 0 ? fragmentId({ events: [...c.item.events].sort(), where: c.item.where }) : null;
    const rule: ContentRule = {
      id: interned(def.id),
      multiple: def.multiple,
      ns,
      creators: new Set(c.item.events),
      whereId,
      metricId: fragmentId(c.metric),
      startsAtZero: c.metric.kind === 'sum',
      atLeast: c.atLeast,
      requires: c.requires,
      parent: c.parent
        ? { key: interned(c.parent.key), sameOwner: c.parent.sameOwner, afterUs: c.parent.afterDays === undefined ? -1 : c.parent.afterDays * DAY_US, firstChild: c.parent.firstChild }
        : null,
    };
    const pred = compileWhere(c.item.where);
    for (const name of rule.creators) {
      const ip = itemPlan(name, ns);
      const cr = creates(ip);
      if (whereId !== null && !cr.wheres.some((w) => w.id === whereId)) cr.wheres.push({ id: whereId, pred });
      if (rule.parent && !cr.parentKeys.includes(rule.parent.key)) cr.parentKeys.push(rule.parent.key);
      if (c.metric.kind === 'latest') addLatest(ip, rule.metricId, c.metric.property);
      listens(ip, rule);
    }
    if (c.parent) for (const name of c.parent.events) creates(itemPlan(name, ns));
    // Badges with the same metric (Nice, Good and Great Answer: the score) share one value per item.
    const firstUse = !registeredMetrics.has(`${ns}|${rule.metricId}`);
    registeredMetrics.add(`${ns}|${rule.metricId}`);
    if (c.metric.kind === 'sum') {
      for (const s of c.metric.events) {
        const ip = itemPlan(s.event, ns);
        if (firstUse) ip.sums.push({ metricId: rule.metricId, delta: s.delta ?? 1, property: s.property === undefined ? null : interned(s.property) });
        listens(ip, rule);
      }
    } else {
      for (const name of c.metric.events) {
        const ip = itemPlan(name, ns);
        addLatest(ip, rule.metricId, c.metric.property);
        listens(ip, rule);
      }
    }
    for (const name of c.requires) {
      const ip = itemPlan(name, ns);
      ip.fact = true;
      listens(ip, rule);
    }
  }
  return plans;
}

function addLatest(ip: ItemPlan, id: string, property: string): void {
  if (!ip.latest.some((x) => x.metricId === id)) ip.latest.push({ metricId: id, property: interned(property) });
}
