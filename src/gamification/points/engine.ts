/**
 * The points engine: applies one event at a time, in compareEvents order, to the engine state and returns the ledger
 * entries it produced. Pure apart from the state, so the ingest transaction (a batch at a time, state loaded by key)
 * and replay (everything, one in-memory state) write the same ledger. Semantics: README.md in this folder.
 */
import { dayString, localDayNumber, weekStart } from '../day.ts';
import type { EngineState, GamificationEvent } from '../events.ts';
import { compileRuleSet, type CompiledFact, type CompiledRule, type CompiledRuleSet, type FactLookup } from './compile.ts';
import { pointsRuleSet, type PointsRuleSet } from './rules.ts';
import { appliedKey, factKey, keyValue, memberKey, type AppliedByRule, type MemberPoints, type RuleTotals } from './state.ts';

export { memberBalance } from './state.ts';

/** The rule id of the entry that opens a member's balance when the rule set has a starting balance. */
export const STARTING_BALANCE_RULE = '$start';

export type CapReason = 'rule_day' | 'rule_week' | 'lifetime' | 'daily' | 'floor';

export interface LedgerEntry {
  /** Idempotency key: `<ruleId>:<eventId>`; reversals `<ruleId>:<eventId>:<reversed ruleId>`; the opening entry `$start:<memberId>`. */
  key: string;
  memberId: number;
  ruleId: string;
  eventId: string;
  /** µs of the event. */
  ts: number;
  /** YYYY-MM-DD in the rule set's (or workspace's) zone. */
  day: string;
  /** Applied after caps and floor; may be 0, still recorded so an operator sees why. */
  points: number;
  /** What the rule asked for (for a reversal: minus what is being taken back). */
  requested: number;
  kind: 'award' | 'reversal';
  /** The last limit that reduced the points, if any. */
  capped: null | CapReason;
  /** The value of the rule's `ref` property (for a reversal: of the reversed rule's). */
  ref: string | null;
  /** The category of the rule the points count for (a reversal counts for the rule it compensates). */
  category: string | null;
  /** For a reversal: the rule whose entries it compensates. */
  reverses: string | null;
}

/** How far points may move a rule's running total towards ±cap (`+ 0` turns a -0 into 0). */
function clamp(points: number, total: number, cap: number): number {
  if (points > 0) return Math.min(points, Math.max(0, cap - total));
  return Math.max(points, -Math.max(0, cap + total)) + 0;
}

function isEmpty(o: object): boolean {
  for (const _ in o) return false;
  return true;
}

export class PointsEngine {
  /** The zone days and weeks are counted in: the rule set's, else the workspace's. */
  readonly timeZone: string;
  private readonly set: CompiledRuleSet;
  private readonly names: readonly string[];
  private readonly factById: ReadonlyMap<string, CompiledFact>;
  /** The state of the event being applied, for fact lookups from conditions. */
  private current: EngineState | null = null;
  private readonly lookup: FactLookup;
  private cachedDay = NaN;
  private cachedDayString = '';

  constructor(ruleSet: PointsRuleSet, opts: { timeZone: string }) {
    this.set = compileRuleSet(pointsRuleSet.parse(ruleSet), opts.timeZone);
    this.timeZone = this.set.timeZone;
    this.names = [...new Set([...this.set.byEvent.keys(), ...this.set.factsByEvent.keys()])].sort();
    const factById = new Map<string, CompiledFact>();
    for (const list of this.set.factsByEvent.values()) for (const f of list) factById.set(f.id, f);
    for (const r of this.set.rules) for (const f of r.factsRead) factById.set(f.id, f);
    this.factById = factById;
    this.lookup = (factId, e) => {
      const f = this.factById.get(factId);
      const v = f && keyValue(f.key(e));
      if (!v || !this.current) return undefined;
      return this.current.get<Record<string, unknown> | null>(factKey(factId, v)) ?? undefined;
    };
  }

  /** Event names any rule or fact listens to (replay reads only these). */
  eventNames(): string[] {
    return [...this.names];
  }

  /** The state keys apply() may read for this event (a superset: conditions and dates are not evaluated here). */
  stateKeys(e: GamificationEvent): string[] {
    const keys: string[] = [];
    const add = (k: string) => {
      if (!keys.includes(k)) keys.push(k);
    };
    for (const f of this.set.factsByEvent.get(e.name) ?? []) {
      const v = keyValue(f.key(e));
      if (v !== null) add(factKey(f.id, v));
    }
    for (const r of this.set.byEvent.get(e.name) ?? []) {
      const m = this.recipient(r, e);
      if (m === null) continue;
      add(memberKey(m));
      for (const f of r.factsRead) {
        const v = keyValue(f.key(e));
        if (v !== null) add(factKey(f.id, v));
      }
      for (const t of r.reverses ?? (r.tracked ? [r] : [])) {
        const v = keyValue(t.ref!(e));
        if (v !== null) add(appliedKey(m, t.refPath!, v));
      }
    }
    return keys;
  }

  /** Applies one event; events must come in compareEvents order. */
  apply(e: GamificationEvent, state: EngineState): LedgerEntry[] {
    const out: LedgerEntry[] = [];
    const facts = this.set.factsByEvent.get(e.name);
    if (facts) this.remember(e, state, facts);
    const rules = this.set.byEvent.get(e.name);
    if (!rules) return out;
    const day = localDayNumber(e.ts, this.set.timeZone);
    this.current = state;
    try {
      for (const r of rules) {
        if (day < r.fromDay || day > r.untilDay) continue;
        if (r.test !== null && !r.test(e, this.lookup)) continue;
        const m = this.recipient(r, e);
        if (m === null) continue;
        if (r.reverses) this.reverse(r, m, e, day, state, out);
        else this.award(r, m, e, day, state, out);
      }
    } finally {
      this.current = null;
    }
    return out;
  }

  private recipient(r: CompiledRule, e: GamificationEvent): number | null {
    if (r.to === 'actor') return e.memberId ?? null;
    if (r.to === 'target') return e.targetMemberId ?? null;
    return e.targetMemberId ?? e.memberId ?? null;
  }

  private dayString(day: number): string {
    if (day !== this.cachedDay) {
      this.cachedDay = day;
      this.cachedDayString = dayString(day);
    }
    return this.cachedDayString;
  }

  /** The member's state, created on first use with the opening entry when the rule set has a starting balance. */
  private member(m: number, key: string, e: GamificationEvent, day: number, state: EngineState, out: LedgerEntry[]): MemberPoints {
    const existing = state.get<MemberPoints | null>(key);
    if (existing) return existing;
    const start = this.set.startingBalance;
    const M: MemberPoints = { b: start, d: day, t: 0 };
    if (start !== 0) {
      out.push({
        key: `${STARTING_BALANCE_RULE}:${m}`,
        memberId: m,
        ruleId: STARTING_BALANCE_RULE,
        eventId: e.eventId,
        ts: e.ts,
        day: this.dayString(day),
        points: start,
        requested: start,
        kind: 'award',
        capped: null,
        ref: null,
        category: null,
        reverses: null,
      });
    }
    return M;
  }

  private award(r: CompiledRule, m: number, e: GamificationEvent, day: number, state: EngineState, out: LedgerEntry[]): void {
    const requested = r.amount === null ? r.fixed! : r.amount(e);
    if (requested === null || requested === 0) return;
    const mk = memberKey(m);
    const M = this.member(m, mk, e, day, state, out);
    let p = requested;
    let capped: CapReason | null = null;
    let T: RuleTotals | undefined;
    if (r.hasCaps) {
      const totals = (M.r ??= {});
      T = totals[r.id];
      if (T === undefined) totals[r.id] = T = [day, 0, weekStart(day), 0, 0];
      else if (day > T[0]) {
        // Windows only roll forward: a late event (older than what was applied) counts in the current window.
        T[0] = day;
        T[1] = 0;
        const week = weekStart(day);
        if (week > T[2]) (T[2] = week), (T[3] = 0);
      }
      if (r.perDay > 0) {
        const q = clamp(p, T[1], r.perDay);
        if (q !== p) (p = q), (capped = 'rule_day');
      }
      if (r.perWeek > 0) {
        const q = clamp(p, T[3], r.perWeek);
        if (q !== p) (p = q), (capped = 'rule_week');
      }
      if (r.lifetime > 0) {
        const q = clamp(p, T[4], r.lifetime);
        if (q !== p) (p = q), (capped = 'lifetime');
      }
    }
    if (r.underDailyCap) {
      if (day > M.d) (M.d = day), (M.t = 0);
      // Only gains are limited; a loss lowers the running total and so frees room for later gains that day.
      if (p > 0) {
        const room = Math.max(0, this.set.dailyCap - M.t);
        if (p > room) (p = room), (capped = 'daily');
      }
    }
    const floor = this.set.floor;
    if (p < 0 && floor !== null && M.b + p < floor) (p = Math.min(0, floor - M.b) + 0), (capped = 'floor');
    M.b += p;
    if (r.underDailyCap) M.t += p;
    if (T !== undefined) (T[1] += p), (T[3] += p), (T[4] += p);
    state.set(mk, M);

    const ref = r.ref === null ? null : keyValue(r.ref(e));
    if (r.tracked && ref !== null && p !== 0) {
      const key = appliedKey(m, r.refPath!, ref);
      const applied = state.get<AppliedByRule | null>(key) ?? {};
      const item = r.item === null ? null : keyValue(r.item(e));
      const k = item === null ? r.id : `${r.id}#${item}`;
      applied[k] = (applied[k] ?? 0) + p;
      state.set(key, applied);
    }
    out.push({ key: `${r.id}:${e.eventId}`, memberId: m, ruleId: r.id, eventId: e.eventId, ts: e.ts, day: this.dayString(day), points: p, requested, kind: 'award', capped, ref, category: r.category, reverses: null });
  }

  /**
   * Takes back what the reversed rules applied to the member for the thing the event names: exactly the recorded
   * points, whatever the rules say now. A reversal is outside the caps (it corrects, it does not earn), frees lifetime
   * room of the reversed rule, and still respects the floor.
   */
  private reverse(r: CompiledRule, m: number, e: GamificationEvent, day: number, state: EngineState, out: LedgerEntry[]): void {
    const M = state.get<MemberPoints | null>(memberKey(m));
    if (!M) return; // nothing was ever applied to this member
    const item = r.reverseItem === null ? null : keyValue(r.reverseItem(e));
    if (r.reverseItem !== null && item === null) return;
    for (const R of r.reverses!) {
      const ref = keyValue(R.ref!(e));
      if (ref === null) continue;
      const key = appliedKey(m, R.refPath!, ref);
      const applied = state.get<AppliedByRule | null>(key);
      if (!applied) continue;
      let sum = 0;
      let found = false;
      if (item !== null) {
        const k = `${R.id}#${item}`;
        if (applied[k] !== undefined) (sum = applied[k]), (found = true), delete applied[k];
      } else {
        for (const k in applied) {
          if (k === R.id || (k.startsWith(R.id) && k.charCodeAt(R.id.length) === 35 /* # */)) {
            sum += applied[k]!;
            found = true;
            delete applied[k];
          }
        }
      }
      if (!found) continue;
      state.set(key, isEmpty(applied) ? null : applied);
      if (sum === 0) continue;
      let p = -sum;
      let capped: CapReason | null = null;
      const floor = this.set.floor;
      if (p < 0 && floor !== null && M.b + p < floor) (p = Math.min(0, floor - M.b) + 0), (capped = 'floor');
      M.b += p;
      const T = M.r?.[R.id];
      if (T !== undefined) T[4] += p;
      state.set(memberKey(m), M);
      out.push({ key: `${r.id}:${e.eventId}:${R.id}`, memberId: m, ruleId: r.id, eventId: e.eventId, ts: e.ts, day: this.dayString(day), points: p, requested: -sum, kind: 'reversal', capped, ref, category: R.category, reverses: R.id });
    }
  }

  /** Records the kept properties of the things this event describes (facts later events' conditions test). */
  private remember(e: GamificationEvent, state: EngineState, facts: readonly CompiledFact[]): void {
    for (const f of facts) {
      const v = keyValue(f.key(e));
      if (v === null) continue;
      const key = factKey(f.id, v);
      let rec = state.get<Record<string, unknown> | null>(key) ?? null;
      let changed = false;
      for (const k of f.keep) {
        const value = k.get(e);
        if (value === undefined || (rec !== null && rec[k.name] === value)) continue;
        (rec ??= {})[k.name] = value;
        changed = true;
      }
      if (changed) state.set(key, rec);
    }
  }
}
