/**
 * The three engines of one configuration version behind one interface: which events matter, which state keys an
 * event needs, and what applying it produces. Points go first, so a level that depends on the balance sees the
 * points of the same event.
 */
import { BadgeEngine, type BadgeAward } from '../badges/engine.ts';
import { withAwardRule, type GamificationConfig } from '../config.ts';
import { compareEvents, type EngineState, type GamificationEvent } from '../events.ts';
import { LevelEngine, type LevelChange } from '../levels/engine.ts';
import { PointsEngine, type LedgerEntry } from '../points/engine.ts';
import { memberKey } from '../points/state.ts';

export interface Outputs {
  ledger: LedgerEntry[];
  awards: BadgeAward[];
  levelChanges: LevelChange[];
}

export const emptyOutputs = (): Outputs => ({ ledger: [], awards: [], levelChanges: [] });

export class Engines {
  readonly version: number;
  readonly config: GamificationConfig;
  readonly points: PointsEngine;
  readonly badges: BadgeEngine;
  readonly levels: LevelEngine | null;
  private readonly names: Set<string>;
  /** Rule id → leaderboard category. */
  readonly categories: Map<string, string>;

  constructor(version: number, config: GamificationConfig, timeZone: string) {
    this.version = version;
    this.config = config;
    const points = withAwardRule(config.points);
    this.points = new PointsEngine(points, { timeZone });
    this.badges = new BadgeEngine(config.badges, { timeZone });
    this.levels = config.levels ? new LevelEngine(config.levels, { timeZone }) : null;
    this.names = new Set([...this.points.eventNames(), ...this.badges.eventNames(), ...(this.levels?.eventNames() ?? [])]);
    this.categories = new Map(points.rules.flatMap((r) => (r.category ? [[r.id, r.category] as const] : [])));
  }

  /** Event names any engine listens to: replay reads only these from the log. */
  eventNames(): string[] {
    return [...this.names].sort();
  }

  relevant(e: GamificationEvent): boolean {
    return this.names.has(e.name);
  }

  stateKeys(e: GamificationEvent): string[] {
    const keys = this.points.stateKeys(e);
    for (const k of this.badges.stateKeys(e)) keys.push(k);
    if (this.levels) {
      for (const k of this.levels.stateKeys(e)) keys.push(k);
      // Levels on points read the balance of the members they re-evaluate (actor and target), awarded or not.
      if (e.memberId !== null) keys.push(memberKey(e.memberId));
      if (e.targetMemberId !== null) keys.push(memberKey(e.targetMemberId));
    }
    return keys;
  }

  /** Applies events (any order; they are sorted into the deterministic order) and appends what they produced to `out`. */
  applyAll(events: readonly GamificationEvent[], state: EngineState, out: Outputs): void {
    const sorted = events.filter((e) => this.names.has(e.name)).sort(compareEvents);
    for (const e of sorted) this.apply(e, state, out);
  }

  apply(e: GamificationEvent, state: EngineState, out: Outputs): void {
    this.points.applyInto(e, state, out.ledger);
    this.badges.applyInto(e, state, out.awards);
    if (this.levels) {
      this.balanceState = state;
      this.levels.applyInto(e, state, this.balanceOf, out.levelChanges);
    }
  }

  // One function for every event (a closure per event was measurable in replay).
  private balanceState: EngineState | null = null;
  private readonly balanceOf = (id: number): number => this.points.balanceOf(this.balanceState!, id);
}
