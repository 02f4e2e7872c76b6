/**
 * The points engine: applies one event at a time, in compareEvents order, to the engine state and returns the ledger
 * entries it produced. Pure apart from the state, so the ingest transaction (a batch at a time, state loaded by key)
 * and replay (everything, one in-memory state) write the same ledger. Semantics: README.md in this folder.
 */
import { dayString, localDayNumber, weekStart } from '../day.ts';
import { getItem, getMember, itemChangedInPlace, memberChangedInPlace, setItem, setMember, type EngineState, type GamificationEvent } from '../events.ts';
import { compileRuleSet, type CompiledFact, type CompiledRule, type CompiledRuleSet, type FactLookup } from './compile.ts';
import { pointsRuleSet, type PointsRuleSet } from './rules.ts';
import { appliedKey, appliedPrefix, factKey, keyValue, memberBalance, memberKey, type AppliedByRule, type MemberPoints, type RuleTotals } from './state.ts';

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
  /** Facts and rules by event name, found with one lookup per event. */
  private readonly byName: ReadonlyMap<string, { facts: readonly CompiledFact[] | undefined; rules: readonly CompiledRule[] | undefined }>;
  /** The state of the event being applied, for fact lookups from conditions. */
  private current: EngineState | null = null;
  private readonly lookup: FactLookup;
  /**
   * The member whose record the event being applied changed last, with that record and state: levels on points read
   * the balance of the same member right after (`balanceOf`), without a second lookup.
   */
  private lastMember = NaN;
  private lastRecord: MemberPoints | null = null;
  private lastState: EngineState | null = null;

  constructor(ruleSet: PointsRuleSet, opts: { timeZone: string }) {
    this.set = compileRuleSet(pointsRuleSet.parse(ruleSet), opts.timeZone);
    this.timeZone = this.set.timeZone;
    this.names = [...new Set([...this.set.byEvent.keys(), ...this.set.factsByEvent.keys()])].sort();
    this.byName = new Map(this.names.map((n) => [n, { facts: this.set.factsByEvent.get(n), rules: this.set.byEvent.get(n) }]));
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
    this.applyInto(e, state, out);
    return out;
  }

  /** `apply`, appending the entries to `out` (no array per event: replay applies hundreds of thousands a second). */
  applyInto(e: GamificationEvent, state: EngineState, out: LedgerEntry[]): void {
    this.lastMember = NaN;
    this.lastRecord = null;
    this.lastState = null;
    const plan = this.byName.get(e.name);
    if (plan === undefined) return;
    if (plan.facts) this.remember(e, state, plan.facts);
    const rules = plan.rules;
    if (!rules) return;
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
  }

  /**
   * A member's balance in `state` after the event last applied (`memberBalance`); the member that event changed last
   * is answered from its record.
   */
  balanceOf(state: EngineState, memberId: number): number {
    if (memberId === this.lastMember && state === this.lastState) return this.lastRecord!.b;
    return memberBalance(state, memberId);
  }

  private remembered(memberId: number, record: MemberPoints, state: EngineState): void {
    this.lastMember = memberId;
    this.lastRecord = record;
    this.lastState = state;
  }

  private recipient(r: CompiledRule, e: GamificationEvent): number | null {
    if (r.to === 'actor') return e.memberId ?? null;
    if (r.to === 'target') return e.targetMemberId ?? null;
    return e.targetMemberId ?? e.memberId ?? null;
  }

  /** A new member's state, with the opening entry when the rule set has a starting balance. */
  private openMember(m: number, e: GamificationEvent, day: number, out: LedgerEntry[]): MemberPoints {
    const start = this.set.startingBalance;
    // `r` (undefined, which JSON leaves out) keeps room for the totals of capped rules, set on first use.
    const M: MemberPoints = { b: start, d: day, t: 0, r: undefined };
    if (start !== 0) {
      out.push({
        key: `${STARTING_BALANCE_RULE}:${m}`,
        memberId: m,
        ruleId: STARTING_BALANCE_RULE,
        eventId: e.eventId,
        ts: e.ts,
        day: dayString(day),
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
    const existing = getMember<MemberPoints | null>(state, memberKey, m);
    const M = existing || this.openMember(m, e, day, out);
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
    if (existing) memberChangedInPlace(state, memberKey, m, M);
    else setMember(state, memberKey, m, M);
    this.remembered(m, M, state);

    const ref = r.ref === null ? null : keyValue(r.ref(e));
    if (r.tracked && ref !== null && p !== 0) {
      const prefix = appliedPrefix(m, r.refPath!);
      const stored = getItem<AppliedByRule | null>(state, prefix, ref);
      const applied = stored ?? {};
      const item = r.item === null ? null : keyValue(r.item(e));
      const k = item === null ? r.id : `${r.id}#${item}`;
      applied[k] = (applied[k] ?? 0) + p;
      if (stored) itemChangedInPlace(state, prefix, ref, applied);
      else setItem(state, prefix, ref, applied);
    }
    out.push({ key: r.entryKeyPrefix + e.eventId, memberId: m, ruleId: r.id, eventId: e.eventId, ts: e.ts, day: dayString(day), points: p, requested, kind: 'award', capped, ref, category: r.category, reverses: null });
  }

  /**
   * Takes back what the reversed rules applied to the member for the thing the event names: exactly the recorded
   * points, whatever the rules say now. A reversal is outside the caps (it corrects, it does not earn), frees lifetime
   * room of the reversed rule, and still respects the floor.
   */
  private reverse(r: CompiledRule, m: number, e: GamificationEvent, day: number, state: EngineState, out: LedgerEntry[]): void {
    const M = getMember<MemberPoints | null>(state, memberKey, m);
    if (!M) return; // nothing was ever applied to this member
    const item = r.reverseItem === null ? null : keyValue(r.reverseItem(e));
    if (r.reverseItem !== null && item === null) return;
    for (const R of r.reverses!) {
      const ref = keyValue(R.ref!(e));
      if (ref === null) continue;
      const prefix = appliedPrefix(m, R.refPath!);
      const applied = getItem<AppliedByRule | null>(state, prefix, ref);
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
      if (isEmpty(applied)) setItem(state, prefix, ref, null);
      else itemChangedInPlace(state, prefix, ref, applied);
      if (sum === 0) continue;
      let p = -sum;
      let capped: CapReason | null = null;
      const floor = this.set.floor;
      if (p < 0 && floor !== null && M.b + p < floor) (p = Math.min(0, floor - M.b) + 0), (capped = 'floor');
      M.b += p;
      const T = M.r?.[R.id];
      if (T !== undefined) T[4] += p;
      memberChangedInPlace(state, memberKey, m, M);
      this.remembered(m, M, state);
      out.push({ key: `${r.id}:${e.eventId}:${R.id}`, memberId: m, ruleId: r.id, eventId: e.eventId, ts: e.ts, day: dayString(day), points: p, requested: -sum, kind: 'reversal', capped, ref, category: R.category, reverses: R.id });
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
