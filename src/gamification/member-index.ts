/**
 * Replay's index of members' values (map-state.ts): by member id, the member's values in a few key families side by
 * side, so that an event's actor and target cost a cache line each. A Map lookup in a map of hundreds of thousands
 * of keys costs several cache misses, and replay looks up a few members' keys per event.
 */
import { isDenseId } from './member-keys.ts';

/** Families per member: points, badges and a ladder or two. A state indexes the first families it is asked about. */
const STRIDE = 4;

/**
 * A value known not to be in the state. An object, not a symbol: comparisons with values (objects) then stay
 * object comparisons, which compiled code does inline.
 */
export const ABSENT: object = Object.freeze({ absent: true });

export class MemberIndex {
  /** `STRIDE` entries per member id: a value, ABSENT, or undefined (not known). */
  private readonly entries: unknown[] = [];
  /** Family number → its place among a member's entries (-1: not indexed, the places were taken). */
  private readonly slotOf: number[] = [];
  private slots = 0;

  /** The position of a member's value in a family, or -1 when the index does not hold it. */
  at(family: number, memberId: number): number {
    if (!isDenseId(memberId)) return -1;
    let slot = this.slotOf[family];
    if (slot === undefined) this.slotOf[family] = slot = this.slots < STRIDE ? this.slots++ : -1;
    if (slot < 0) return -1;
    const at = memberId * STRIDE + slot;
    // Grown by push, so the array keeps fast elements.
    const entries = this.entries;
    while (entries.length <= at) entries.push(undefined);
    return at;
  }

  read(at: number): unknown {
    return this.entries[at];
  }

  write(at: number, value: unknown): void {
    this.entries[at] = value === undefined ? ABSENT : value;
  }

  /** Every value held, with its family and member (ABSENT ones as undefined). */
  *held(): Generator<[family: number, memberId: number, value: unknown]> {
    const familyOfSlot: number[] = [];
    this.slotOf.forEach((slot, family) => {
      if (slot >= 0) familyOfSlot[slot] = family;
    });
    const entries = this.entries;
    for (let at = 0; at < entries.length; at++) {
      const v = entries[at];
      if (v === undefined) continue;
      yield [familyOfSlot[at % STRIDE]!, Math.floor(at / STRIDE), v === ABSENT ? undefined : v];
    }
  }
}
