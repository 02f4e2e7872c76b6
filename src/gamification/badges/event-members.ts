/**
 * The member records one event reads, each looked up in the state once: an event's member rules and its single-grant
 * content rules read the same records (the actor's, the target's), and replay applies hundreds of thousands of
 * events a second against a map of hundreds of thousands of keys.
 */
import { getMember, memberChangedInPlace, setMember, type EngineState } from '../events.ts';
import { memberKey, type MemberRecord } from './state.ts';

export class EventMembers {
  private state: EngineState | null = null;
  // Two slots: an event names at most an actor and a target.
  private id0 = NaN;
  private rec0: MemberRecord | null | undefined = undefined;
  private id1 = NaN;
  private rec1: MemberRecord | null | undefined = undefined;

  /** Starts an event: nothing is known about `state` yet (null after the event: no state is kept alive). */
  reset(state: EngineState | null): void {
    this.state = state;
    this.id0 = this.id1 = NaN;
    this.rec0 = this.rec1 = undefined;
  }

  /** The member's record as the state holds it (undefined or null when there is none). */
  get(memberId: number): MemberRecord | null | undefined {
    if (memberId === this.id0) return this.rec0;
    if (memberId === this.id1) return this.rec1;
    const rec = getMember<MemberRecord | null>(this.state!, memberKey, memberId);
    this.keep(memberId, rec);
    return rec;
  }

  /** Stores a changed record: a new one is `set`, the one the state holds is marked changed in place. */
  save(memberId: number, rec: MemberRecord): void {
    if (this.get(memberId) === rec) memberChangedInPlace(this.state!, memberKey, memberId, rec);
    else {
      setMember(this.state!, memberKey, memberId, rec);
      this.keep(memberId, rec);
    }
  }

  private keep(memberId: number, rec: MemberRecord | null | undefined): void {
    if (memberId === this.id0 || Number.isNaN(this.id0)) (this.id0 = memberId), (this.rec0 = rec);
    else (this.id1 = memberId), (this.rec1 = rec);
  }
}
