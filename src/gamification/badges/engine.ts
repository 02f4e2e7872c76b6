/**
 * The badge engine: a pure function of the events in compareEvents order and its state. The same events give the
 * same awards whether they come in one replay or in ingest batches with the state stored between them.
 */
import type { EngineState, GamificationEvent } from '../events.ts';
import type { BadgeAward } from './award.ts';
import { compilePlans, type EventPlan } from './compile.ts';
import { applyItemPlan } from './content-rules.ts';
import type { BadgeDefinition } from './criteria.ts';
import { EventMembers } from './event-members.ts';
import { applyMemberRules } from './member-rules.ts';
import { itemId, itemKey, memberKey } from './state.ts';

export type { BadgeAward } from './award.ts';

export interface BadgeEngineOptions {
  /** IANA zone whose calendar days streaks, windows and award days follow. */
  timeZone: string;
}

export class BadgeEngine {
  private readonly plans: Map<string, EventPlan>;
  private readonly timeZone: string;
  private readonly members = new EventMembers();

  constructor(defs: readonly BadgeDefinition[], opts: BadgeEngineOptions) {
    this.plans = compilePlans(defs);
    this.timeZone = opts.timeZone;
  }

  /** Event names any criterion listens to (replay reads only these). */
  eventNames(): string[] {
    return [...this.plans.keys()].sort();
  }

  /**
   * The state keys `apply` reads for this event: the actor's and target's member records when a member rule or a
   * single-grant content rule may need them, the item the event names, and (for a creating event) its parent.
   */
  stateKeys(e: GamificationEvent): string[] {
    const plan = this.plans.get(e.name);
    if (plan === undefined) return [];
    const keys: string[] = [];
    let needsOwner = false;
    for (const ip of plan.items) {
      const id = itemId(e.properties[ip.ns]);
      if (id === undefined) continue;
      keys.push(itemKey(ip.ns, id));
      if (ip.needsOwner) needsOwner = true;
      if (ip.create !== null) {
        for (const pk of ip.create.parentKeys) {
          const pid = itemId(e.properties[pk]);
          if (pid !== undefined) keys.push(itemKey(ip.ns, pid));
        }
      }
    }
    const actor = e.memberId !== null && (plan.actor.length > 0 || needsOwner);
    if (actor) keys.push(memberKey(e.memberId!));
    if (e.targetMemberId !== null && (plan.target.length > 0 || needsOwner) && !(actor && e.targetMemberId === e.memberId)) keys.push(memberKey(e.targetMemberId));
    return keys;
  }

  /** Applies one event (events must arrive in compareEvents order) and returns the awards it completed. */
  apply(e: GamificationEvent, state: EngineState): BadgeAward[] {
    const out: BadgeAward[] = [];
    this.applyInto(e, state, out);
    return out;
  }

  /** `apply`, appending the awards to `out` (no array per event: replay applies hundreds of thousands a second). */
  applyInto(e: GamificationEvent, state: EngineState, out: BadgeAward[]): void {
    const plan = this.plans.get(e.name);
    if (plan === undefined) return;
    const members = this.members;
    members.reset(state);
    if (plan.actor.length > 0 && e.memberId !== null) applyMemberRules(e, e.memberId, plan.actor, members, this.timeZone, out);
    if (plan.target.length > 0 && e.targetMemberId !== null) applyMemberRules(e, e.targetMemberId, plan.target, members, this.timeZone, out);
    for (const ip of plan.items) applyItemPlan(e, ip, state, members, this.timeZone, out);
    members.reset(null);
  }
}
