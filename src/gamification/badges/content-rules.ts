/**
 * Content criteria: events that name an item (by its key property) create it, move its metrics or record facts on
 * it; after each such event the item's rules are re-checked, and a rule whose conditions all hold for the first
 * time grants the badge to the item's owner.
 */
import { getItem, itemChangedInPlace, setItem, type EngineState, type GamificationEvent } from '../events.ts';
import { keyedRecord } from '../record.ts';
import { makeAward, type BadgeAward } from './award.ts';
import type { ContentRule, ItemPlan } from './compile.ts';
import type { EventMembers } from './event-members.ts';
import { itemId, itemKeyPrefix, type ItemRecord, type ParentFacts } from './state.ts';

export function applyItemPlan(e: GamificationEvent, ip: ItemPlan, state: EngineState, members: EventMembers, timeZone: string, out: BadgeAward[]): void {
  const props = e.properties;
  const id = itemId(props[ip.ns]);
  if (id === undefined) return;
  const stored = getItem<ItemRecord | null>(state, ip.keyPrefix, id);
  let item = stored ?? undefined;
  let changed = false;

  // Creation: the first creating event with an actor. Votes may precede it (the dump dates votes to the day).
  if (ip.create !== null && e.memberId !== null && item?.o === undefined) {
    item ??= {};
    item.o = e.memberId;
    item.t = e.ts;
    item.n = ip.event;
    for (const w of ip.create.wheres) if (w.pred(props)) (item.w ??= []).push(w.id);
    for (const pk of ip.create.parentKeys) recordParent(item, id, ip.ns, pk, e, state);
    changed = true;
  }
  for (const s of ip.sums) {
    let d = s.delta;
    if (s.property !== null) {
      const v = props[s.property];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      d = v;
    }
    item ??= {};
    const m = (item.m ??= {});
    m[s.metricId] = (m[s.metricId] ?? 0) + d;
    changed = true;
  }
  for (const l of ip.latest) {
    const v = props[l.property];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    item ??= {};
    (item.m ??= {})[l.metricId] = v;
    changed = true;
  }
  if (ip.fact) {
    item ??= {};
    const f = (item.f ??= []);
    if (!f.includes(ip.event)) {
      f.push(ip.event);
      changed = true;
    }
  }
  if (item !== undefined && item.o !== undefined) {
    for (const r of ip.rules) if (check(e, r, item, id, members, timeZone, out)) changed = true;
  }
  if (!changed) return;
  if (stored === item) itemChangedInPlace(state, ip.keyPrefix, id, item);
  else setItem(state, ip.keyPrefix, id, item);
}

/**
 * Snapshots the parent's owner and creation time on the child, and claims the parent's first-child slot. A parent not
 * seen yet (posted at the same instant but ordered after its child, as when a question is asked together with its
 * own answer, or absent from the log) is taken to be owned by the event's target, or by its actor when there is no
 * target (sources leave out a target equal to the actor); its creation time is then unknown.
 */
function recordParent(item: ItemRecord, id: string, ns: string, pk: string, e: GamificationEvent, state: EngineState): void {
  const pid = itemId(e.properties[pk]);
  if (pid === undefined) return;
  const prefix = itemKeyPrefix(ns);
  let parent = getItem<ItemRecord | null>(state, prefix, pid) ?? undefined;
  const known = parent?.o !== undefined && parent.t !== undefined;
  if (parent === undefined) setItem(state, prefix, pid, (parent = { k: id }));
  else if (parent.k === undefined) {
    parent.k = id;
    itemChangedInPlace(state, prefix, pid, parent);
  }
  const facts: ParentFacts = known ? [parent.o!, parent.t!, parent.k === id ? 1 : 0] : [e.targetMemberId ?? e.memberId!, null, parent.k === id ? 1 : 0];
  (item.p ??= {})[pk] = facts;
}

function holds(r: ContentRule, item: ItemRecord): boolean {
  // The metric first: it is what most checks fail on.
  const v = item.m?.[r.metricId] ?? (r.startsAtZero ? 0 : undefined);
  if (v === undefined || v < r.atLeast) return false;
  if (!r.creators.has(item.n!)) return false;
  if (r.whereId !== null && !item.w?.includes(r.whereId)) return false;
  for (const req of r.requires) if (!item.f?.includes(req)) return false;
  const p = r.parent;
  if (p !== null) {
    const facts = item.p?.[p.key];
    if (facts === undefined) return false;
    if (p.sameOwner !== undefined && (facts[0] === item.o) !== p.sameOwner) return false;
    if (p.afterUs >= 0 && (facts[1] === null || !(item.t! - facts[1] > p.afterUs))) return false;
    if (p.firstChild !== undefined && (facts[2] === 1) !== p.firstChild) return false;
  }
  return true;
}

/** Grants `r` for the item if it holds and was not granted yet; true when the item record changed. */
function check(e: GamificationEvent, r: ContentRule, item: ItemRecord, id: string, members: EventMembers, timeZone: string, out: BadgeAward[]): boolean {
  const owner = item.o!;
  if (r.multiple) {
    if (item.a?.includes(r.id) || !holds(r, item)) return false;
    (item.a ??= []).push(r.id);
    out.push(makeAward(r.id, owner, true, id, e, timeZone));
    return true;
  }
  // The owner's record is among this event's state keys only when the owner is its actor or target (stateKeys); an
  // event by and about others leaves a single-grant badge to the next event on the item that involves the owner.
  const actor = e.memberId;
  const target = e.targetMemberId;
  // Null first: a comparison that has seen a number and null is a generic one from then on.
  if ((actor === null || owner !== actor) && (target === null || owner !== target)) return false;
  // The item first: it is at hand, and rarely qualifies (a look in the owner's grants is a lookup among many shapes).
  if (!holds(r, item)) return false;
  const rec = members.get(owner);
  if (rec?.g?.[r.id] !== undefined) return false;
  const next = rec ?? {};
  (next.g ??= keyedRecord())[r.id] = 1;
  members.save(owner, next);
  out.push(makeAward(r.id, owner, false, id, e, timeZone));
  return false;
}
