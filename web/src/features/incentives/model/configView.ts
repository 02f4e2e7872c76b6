/**
 * Reads the incentive configuration as the console shows it. The API hands rules, badges and levels over as JSON
 * objects (their schemas live in the server's gamification module, which the console may not import), and the rules
 * editor shows a draft the operator is typing, so everything here is read defensively: a field of the wrong type is
 * left out (the server's validation names it when the draft is saved), never a crash.
 */

export interface Bilingual {
  en: string;
  zh: string;
}

export interface ConditionView {
  path: string;
  op: string;
  /** Absent for exists / absent. */
  value?: unknown;
}

export type PointsView =
  | { kind: 'fixed'; points: number }
  | { kind: 'property'; property: string; factor: number; round: string }
  | { kind: 'reversal'; rules: string[]; item: string | null }
  | { kind: 'none' };

export interface RuleView {
  index: number;
  id: string;
  name: Bilingual | null;
  category: string | null;
  events: string[];
  where: ConditionView[];
  points: PointsView;
  to: string | null;
  caps: { perDay: number | null; perWeek: number | null; lifetime: number | null };
  effective: { from: string | null; until: string | null; retroactive: boolean; replaces: string | null };
  ref: string | null;
}

export interface RuleSetView {
  rules: RuleView[];
  timeZone: string | null;
  dailyCap: { points: number; exempt: string[] } | null;
  floor: number | null;
  startingBalance: number | null;
}

export interface CriterionView {
  kind: string;
  events: string[];
  role: 'actor' | 'target';
  where: number;
  n: number | null;
  withinDays: number | null;
  days: number | null;
  /** content: what the item's metric sums or reads, and the threshold. */
  metric: { kind: 'sum'; events: string[] } | { kind: 'latest'; property: string } | null;
  atLeast: number | null;
  itemEvents: string[];
  requires: string[];
}

export type BadgeClass = 'bronze' | 'silver' | 'gold';

export interface BadgeView {
  id: string;
  name: Bilingual | null;
  description: Bilingual | null;
  badgeClass: BadgeClass | null;
  multiple: boolean;
  category: string | null;
  criterion: CriterionView;
}

export type RequirementView =
  | { kind: 'points'; name: Bilingual | null; min: number }
  | {
      kind: 'count' | 'active_days' | 'distinct';
      name: Bilingual | null;
      events: string[];
      role: 'actor' | 'target';
      othersOnly: boolean;
      windowDays: number | null;
      sum: string | null;
      min: number | null;
      max: number | null;
      /** active_days: a share of the window; count: a share of the community's events. */
      share: number | null;
      shareOf: string[];
      shareCap: number | null;
      distinctBy: { kind: 'property'; name: string } | { kind: 'counterpart' } | null;
    };

export type DemotionView = { kind: 'immediate' } | { kind: 'never' } | { kind: 'hysteresis'; keepShare: number; graceDays: number };

export interface LevelView {
  id: string;
  name: Bilingual | null;
  description: Bilingual | null;
  privileges: string[];
  requirements: RequirementView[];
  demotion: DemotionView;
}

type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const obj = (v: unknown): Json => (isObject(v) ? v : {});

export function bilingual(v: unknown): Bilingual | null {
  if (!isObject(v)) return null;
  const en = str(v['en']);
  const zh = str(v['zh']);
  return en !== null || zh !== null ? { en: en ?? zh ?? '', zh: zh ?? en ?? '' } : null;
}

/** The text of a bilingual name in the UI language ('zh-CN' or 'en'). */
export function inLanguage(b: Bilingual | null, language: string, fallback: string): string {
  if (!b) return fallback;
  return (language === 'en' ? b.en : b.zh) || fallback;
}

function conditions(v: unknown): ConditionView[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((c) => ({ path: str(c['path']) ?? '?', op: str(c['op']) ?? '?', ...('value' in c ? { value: c['value'] } : {}) }));
}

function pointsOf(r: Json): PointsView {
  const rev = r['reverses'];
  if (isObject(rev)) return { kind: 'reversal', rules: strings(rev['rules']), item: str(rev['item']) };
  const p = r['points'];
  if (typeof p === 'number') return { kind: 'fixed', points: p };
  if (isObject(p)) return { kind: 'property', property: str(p['property']) ?? '?', factor: num(p['factor']) ?? 1, round: str(p['round']) ?? 'trunc' };
  return { kind: 'none' };
}

export function readRule(v: unknown, index: number): RuleView {
  const r = obj(v);
  const when = obj(r['when']);
  const caps = obj(r['caps']);
  const eff = obj(r['effective']);
  return {
    index,
    id: str(r['id']) ?? `#${index + 1}`,
    name: bilingual(r['name']),
    category: str(r['category']),
    events: strings(when['event']),
    where: conditions(when['where']),
    points: pointsOf(r),
    to: str(r['to']),
    caps: { perDay: num(caps['perDay']), perWeek: num(caps['perWeek']), lifetime: num(caps['lifetime']) },
    effective: { from: str(eff['from']), until: str(eff['until']), retroactive: eff['retroactive'] === true, replaces: str(eff['replaces']) },
    ref: str(r['ref']),
  };
}

/** The points part of a configuration (`config.points`), or the rules list alone (the catalogue's `rules`). */
export function readRuleSet(points: unknown, rulesOverride?: unknown[]): RuleSetView {
  const p = obj(points);
  const list = rulesOverride ?? (Array.isArray(p['rules']) ? p['rules'] : []);
  const daily = isObject(p['dailyCap']) ? p['dailyCap'] : null;
  const dailyPoints = daily ? num(daily['points']) : null;
  return {
    rules: list.map(readRule),
    timeZone: str(p['timeZone']),
    dailyCap: daily && dailyPoints !== null ? { points: dailyPoints, exempt: strings(daily['exempt']) } : null,
    floor: num(p['floor']),
    startingBalance: num(p['startingBalance']),
  };
}

/** Every category the rules put points in (what category leaderboards and payout filters choose from). */
export function ruleCategories(rules: readonly RuleView[]): string[] {
  return [...new Set(rules.map((r) => r.category).filter((c): c is string => c !== null))].sort();
}

const role = (v: unknown): 'actor' | 'target' => (v === 'target' ? 'target' : 'actor');

function readCriterion(v: unknown): CriterionView {
  const c = obj(v);
  const kind = str(c['kind']) ?? '?';
  const metric = obj(c['metric']);
  const item = obj(c['item']);
  const m =
    metric['kind'] === 'sum'
      ? { kind: 'sum' as const, events: Array.isArray(metric['events']) ? metric['events'].filter(isObject).map((e) => str(e['event']) ?? '?') : [] }
      : metric['kind'] === 'latest'
        ? { kind: 'latest' as const, property: str(metric['property']) ?? '?' }
        : null;
  return {
    kind,
    events: strings(c['events']).length > 0 ? strings(c['events']) : kind === 'accepted' ? ['answer_accepted'] : [],
    role: kind === 'accepted' ? 'target' : role(c['role']),
    where: Array.isArray(c['where']) ? c['where'].length : 0,
    n: num(c['n']) ?? (kind === 'accepted' ? 1 : null),
    withinDays: num(c['withinDays']),
    days: num(c['days']),
    metric: m,
    atLeast: num(c['atLeast']),
    itemEvents: strings(item['events']),
    requires: strings(c['requires']),
  };
}

export function readBadge(v: unknown): BadgeView {
  const b = obj(v);
  const cls = b['class'];
  return {
    id: str(b['id']) ?? '?',
    name: bilingual(b['name']),
    description: bilingual(b['description']),
    badgeClass: cls === 'bronze' || cls === 'silver' || cls === 'gold' ? cls : null,
    multiple: b['multiple'] === true,
    category: str(b['category']),
    criterion: readCriterion(b['criterion']),
  };
}

function readRequirement(v: unknown): RequirementView {
  const r = obj(v);
  const name = bilingual(r['name']);
  if (r['kind'] === 'points') return { kind: 'points', name, min: num(r['min']) ?? 0 };
  const kind = r['kind'] === 'active_days' || r['kind'] === 'distinct' ? r['kind'] : 'count';
  const community = obj(r['communityShare']);
  const by = obj(r['by']);
  return {
    kind,
    name,
    events: strings(r['events']),
    role: role(r['role']),
    othersOnly: r['othersOnly'] === true,
    windowDays: num(r['windowDays']),
    sum: str(r['sum']),
    min: num(r['min']),
    max: num(r['max']),
    share: kind === 'active_days' ? num(r['share']) : num(community['share']),
    shareOf: strings(community['of']),
    shareCap: num(community['cap']),
    distinctBy: by['kind'] === 'property' ? { kind: 'property', name: str(by['name']) ?? '?' } : by['kind'] === 'counterpart' ? { kind: 'counterpart' } : null,
  };
}

function readDemotion(v: unknown): DemotionView {
  const d = obj(v);
  if (d['kind'] === 'never') return { kind: 'never' };
  if (d['kind'] === 'hysteresis') return { kind: 'hysteresis', keepShare: num(d['keepShare']) ?? 0.9, graceDays: num(d['graceDays']) ?? 14 };
  return { kind: 'immediate' };
}

export function readLevel(v: unknown): LevelView {
  const l = obj(v);
  return {
    id: str(l['id']) ?? '?',
    name: bilingual(l['name']),
    description: bilingual(l['description']),
    privileges: strings(l['privileges']),
    requirements: Array.isArray(l['requirements']) ? l['requirements'].map(readRequirement) : [],
    demotion: readDemotion(l['demotion']),
  };
}

/** Where a server field path points in the rules table: the rule's row and the column of the field. */
export type RuleColumn = 'rule' | 'event' | 'points' | 'to' | 'caps' | 'effective' | 'category';
export type FieldTarget = { kind: 'rule'; index: number; column: RuleColumn } | { kind: 'limits' } | { kind: 'other' };

const COLUMN_OF: Record<string, RuleColumn> = {
  id: 'rule',
  name: 'rule',
  when: 'event',
  points: 'points',
  reverses: 'points',
  ref: 'points',
  to: 'to',
  caps: 'caps',
  effective: 'effective',
  category: 'category',
};

/** `['points', 'rules', '0', 'caps', 'perDay']` → rule 0, caps column; `['points', 'dailyCap', …]` → the limits. */
export function fieldTarget(path: readonly string[]): FieldTarget {
  if (path[0] !== 'points') return { kind: 'other' };
  if (path[1] === 'rules' && path[2] !== undefined && /^\d+$/.test(path[2])) {
    return { kind: 'rule', index: Number(path[2]), column: COLUMN_OF[path[3] ?? ''] ?? 'rule' };
  }
  if (path[1] === 'dailyCap' || path[1] === 'floor' || path[1] === 'startingBalance' || path[1] === 'timeZone') return { kind: 'limits' };
  return { kind: 'other' };
}
