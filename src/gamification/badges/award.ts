/** What the engine emits when a member earns a badge, and how its idempotency key is formed. */
import { localDay } from '../day.ts';
import type { GamificationEvent } from '../events.ts';

export interface BadgeAward {
  /** `${badgeId}:${memberId}` for a single-grant badge, `${badgeId}:${memberId}:${subject}` for a multiple-grant one. */
  key: string;
  badgeId: string;
  memberId: number;
  /** µs: the time of the event at which the criterion was first met. */
  awardedAt: number;
  /** YYYY-MM-DD of `awardedAt` in the engine's time zone. */
  day: string;
  /** The item id (content); the grant number of a multiple count; the first day of a multiple streak; else null. */
  subject: string | null;
  /** The event that completed the criterion. */
  eventId: string;
}

export function makeAward(badgeId: string, memberId: number, multiple: boolean, subject: string | null, e: GamificationEvent, timeZone: string): BadgeAward {
  return {
    key: multiple ? `${badgeId}:${memberId}:${subject ?? ''}` : `${badgeId}:${memberId}`,
    badgeId,
    memberId,
    awardedAt: e.ts,
    day: localDay(e.ts, timeZone),
    subject,
    eventId: e.eventId,
  };
}
