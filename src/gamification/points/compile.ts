/**
 * A validated rule set turned into what the engine evaluates per event: rules grouped by event name, dates as day
 * numbers, paths split once, conditions as closures. Compiling once keeps `apply` free of parsing and lookups
 * by name, which is most of what replay speed is made of.
 */
import { dayNumber } from '../day.ts';
import type { GamificationEvent } from '../events.ts';
import { interned } from '../intern.ts';
import type { PointsCondition, PointsFact, PointsRule, PointsRuleSet } from './rules.ts';

/** Reads a value off an event (a property, a fact, the envelope); `facts` are the fact records loaded for it. */
export type Getter = (e: GamificationEvent, facts: FactLookup) => unknown;
export type FactLookup = (factId: string, e: GamificationEvent) => Record<string, unknown> | undefined;

export interface CompiledRule {
  readonly id: string;
  /** `<id>:`, the start of its entries' keys (one concatenation per entry). */
  readonly entryKeyPrefix: string;
  readonly category: string | null;
  readonly events: readonly string[];
  /** Inclusive day numbers in the zone; ±1e9 when open. */
  readonly fromDay: number;
  readonly untilDay: number;
  readonly test: ((e: GamificationEvent, facts: FactLookup) => boolean) | null;
  /** Facts the conditions read (their state keys must be loaded). */
  readonly factsRead: readonly CompiledFact[];
  readonly to: 'actor' | 'target' | 'target_or_actor';
  /** Fixed points, or null when they come from `amount`. */
  readonly fixed: number | null;
  readonly amount: ((e: GamificationEvent) => number | null) | null;
  readonly perDay: number;
  readonly perWeek: number;
  readonly lifetime: number;
  readonly hasCaps: boolean;
  /** Counts towards, and is limited by, the daily cap. */
  readonly underDailyCap: boolean;
  readonly refPath: string | null;
  readonly ref: ((e: GamificationEvent) => unknown) | null;
  /** Some reversal rule names this one: its applied points are recorded per ref so they can be taken back. */
  tracked: boolean;
  /** The property that keys those records one award at a time (set when a reversal matches by item). */
  itemPath: string | null;
  item: ((e: GamificationEvent) => unknown) | null;
  /** For reversal rules: the rules compensated, and the item property matched (null: every award of the ref). */
  readonly reverses: readonly CompiledRule[] | null;
  readonly reverseItem: ((e: GamificationEvent) => unknown) | null;
}

export interface CompiledFact {
  readonly id: string;
  readonly key: (e: GamificationEvent) => unknown;
  readonly keep: readonly { name: string; get: (e: GamificationEvent) => unknown }[];
}

export interface CompiledRuleSet {
  readonly timeZone: string;
  readonly rules: readonly CompiledRule[];
  readonly byEvent: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Facts recorded from each event name. */
  readonly factsByEvent: ReadonlyMap<string, readonly CompiledFact[]>;
  readonly dailyCap: number;
  readonly floor: number | null;
  readonly startingBalance: number;
}

const OPEN = 1e9;

/** A getter for a dotted property path; one-segment paths (nearly all) skip the loop. */
export function propertyGetter(path: string): (e: GamificationEvent) => unknown {
  const parts = path.split('.').map(interned);
  if (parts.length === 1) {
    const key = parts[0]!;
    return (e) => e.properties[key];
  }
  return (e) => {
    let v: unknown = e.properties;
    for (const p of parts) {
      if (v === null || typeof v !== 'object') return undefined;
      v = (v as Record<string, unknown>)[p];
    }
    return v;
  };
}

function conditionGetter(path: string): Getter {
  if (path === '$actor') return (e) => e.memberId ?? undefined;
  if (path === '$target') return (e) => e.targetMemberId ?? undefined;
  if (path === '$platform') return (e) => e.platform;
  if (path.startsWith('@')) {
    const dot = path.indexOf('.');
    const fact = path.slice(1, dot);
    const name = interned(path.slice(dot + 1));
    return (e, facts) => facts(fact, e)?.[name];
  }
  const get = propertyGetter(path);
  return (e) => get(e);
}

function compileCondition(c: PointsCondition): (e: GamificationEvent, facts: FactLookup) => boolean {
  const get = conditionGetter(c.path);
  switch (c.op) {
    case 'eq': {
      const v = c.value;
      return (e, f) => get(e, f) === v;
    }
    case 'ne': {
      const v = c.value;
      return (e, f) => get(e, f) !== v;
    }
    case 'in': {
      const set = new Set<unknown>(c.value);
      return (e, f) => set.has(get(e, f));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = c.value;
      const cmp = c.op;
      return (e, f) => {
        const x = get(e, f);
        if (typeof x !== 'number') return false;
        return cmp === 'gt' ? x > v : cmp === 'gte' ? x >= v : cmp === 'lt' ? x < v : x <= v;
      };
    }
    case 'exists':
      return (e, f) => get(e, f) !== undefined && get(e, f) !== null;
    case 'absent':
      return (e, f) => get(e, f) === undefined || get(e, f) === null;
  }
}

/**
 * Rounding of property × factor. A fractional factor is inexact in binary (120 × (1/60) may come out a hair under 2),
 * so products within 1e-9 of an integer count as that integer before rounding.
 */
const EPS = 1e-9;
const snap = (x: number): number => {
  const r = Math.round(x);
  return Math.abs(x - r) < EPS ? r : x;
};
const ROUND = {
  trunc: (x: number) => Math.trunc(snap(x)),
  floor: (x: number) => Math.floor(snap(x)),
  ceil: (x: number) => Math.ceil(snap(x)),
  round: (x: number) => Math.round(x),
} as const;

function compileAmount(points: NonNullable<PointsRule['points']>): { fixed: number | null; amount: ((e: GamificationEvent) => number | null) | null } {
  if (typeof points === 'number') return { fixed: points, amount: null };
  const get = propertyGetter(points.property);
  const factor = points.factor ?? 1;
  const round = ROUND[points.round ?? 'trunc'];
  return {
    fixed: null,
    amount: (e) => {
      const v = get(e);
      if (typeof v !== 'number' || !Number.isFinite(v)) return null;
      // `+ 0` turns the -0 of rounding a small negative into 0.
      return round(v * factor) + 0;
    },
  };
}

function compileFact(f: PointsFact): CompiledFact {
  return { id: f.id, key: propertyGetter(f.key), keep: f.keep.map((name) => ({ name: interned(name), get: propertyGetter(name) })) };
}

/** The effective day range of each rule, after `replaces` and `retroactive`. */
function dayRanges(rules: readonly PointsRule[]): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (const r of rules) {
    const e = r.effective;
    const from = e?.from && !e.retroactive ? dayNumber(e.from) : -OPEN;
    ranges.set(r.id, [from, e?.until ? dayNumber(e.until) : OPEN]);
  }
  for (const r of rules) {
    const replaced = r.effective?.replaces;
    const range = replaced === undefined ? undefined : ranges.get(replaced);
    if (!range) continue;
    // The old version ends the day before the new one starts; a retroactive new version (or one without a start
    // date) takes over entirely.
    const start = ranges.get(r.id)![0];
    range[1] = Math.min(range[1], start - 1);
  }
  return ranges;
}

export function compileRuleSet(set: PointsRuleSet, workspaceTimeZone: string): CompiledRuleSet {
  const facts = (set.facts ?? []).map(compileFact);
  const factById = new Map(facts.map((f) => [f.id, f]));
  const ranges = dayRanges(set.rules);
  const exempt = new Set(set.dailyCap?.exempt ?? []);
  const byId = new Map<string, CompiledRule>();
  const compiled: CompiledRule[] = [];
  for (const r of set.rules) {
    const where = r.when.where ?? [];
    const tests = where.map(compileCondition);
    const factsRead = [...new Set(where.filter((c) => c.path.startsWith('@')).map((c) => c.path.slice(1, c.path.indexOf('.'))))].map((id) => factById.get(id)!);
    const { fixed, amount } = r.points === undefined ? { fixed: 0, amount: null } : compileAmount(r.points);
    const [fromDay, untilDay] = ranges.get(r.id)!;
    const caps = r.caps ?? {};
    const c: CompiledRule = {
      id: interned(r.id),
      entryKeyPrefix: `${r.id}:`,
      category: r.category ?? null,
      events: typeof r.when.event === 'string' ? [r.when.event] : [...new Set(r.when.event)],
      fromDay,
      untilDay,
      test: tests.length === 0 ? null : tests.length === 1 ? tests[0]! : (e, f) => tests.every((t) => t(e, f)),
      factsRead,
      to: r.to,
      fixed,
      amount,
      perDay: caps.perDay ?? 0,
      perWeek: caps.perWeek ?? 0,
      lifetime: caps.lifetime ?? 0,
      hasCaps: caps.perDay !== undefined || caps.perWeek !== undefined || caps.lifetime !== undefined,
      underDailyCap: set.dailyCap !== undefined && !exempt.has(r.id) && !r.reverses,
      refPath: r.ref ?? null,
      ref: r.ref ? propertyGetter(r.ref) : null,
      tracked: false,
      itemPath: null,
      item: null,
      reverses: r.reverses ? [] : null,
      reverseItem: r.reverses?.item ? propertyGetter(r.reverses.item) : null,
    };
    byId.set(r.id, c);
    compiled.push(c);
  }
  // Link reversals to the rules they compensate, and mark those rules as tracked.
  for (const r of set.rules) {
    if (!r.reverses) continue;
    const rev = byId.get(r.id)!;
    for (const id of r.reverses.rules) {
      const target = byId.get(id)!;
      (rev.reverses as CompiledRule[]).push(target);
      target.tracked = true;
      if (r.reverses.item) {
        target.itemPath = r.reverses.item;
        target.item = propertyGetter(r.reverses.item);
      }
    }
  }
  const byEvent = new Map<string, CompiledRule[]>();
  for (const c of compiled) {
    for (const name of c.events) {
      let list = byEvent.get(name);
      if (!list) byEvent.set(name, (list = []));
      list.push(c);
    }
  }
  const factsByEvent = new Map<string, CompiledFact[]>();
  (set.facts ?? []).forEach((f, i) => {
    for (const name of new Set(f.events)) {
      let list = factsByEvent.get(name);
      if (!list) factsByEvent.set(name, (list = []));
      list.push(facts[i]!);
    }
  });
  return {
    timeZone: set.timeZone ?? workspaceTimeZone,
    rules: compiled,
    byEvent,
    factsByEvent,
    dailyCap: set.dailyCap?.points ?? 0,
    floor: set.floor ?? null,
    startingBalance: set.startingBalance ?? 0,
  };
}
