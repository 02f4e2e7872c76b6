/** The demo generator's community (src/demo) as engine events in the deterministic order; members numbered by user id. */
import { generateDemo } from '../../src/demo/index.ts';
import { compareEvents, type GamificationEvent } from '../../src/gamification/events.ts';

export function demoEvents(members: number, end = new Date('2025-06-30T00:00:00Z')): { events: GamificationEvent[]; memberIds: number[] } {
  const ids = new Map<string, number>();
  const idOf = (userId: string) => {
    let id = ids.get(userId);
    if (id === undefined) ids.set(userId, (id = ids.size + 1));
    return id;
  };
  const events: GamificationEvent[] = [];
  for (const batch of generateDemo({ members, end })) {
    for (const m of batch) {
      if (m.type !== 'track' || m.userId === undefined || m.event === undefined) continue;
      events.push({
        eventId: m.messageId ?? `${events.length}`,
        type: 'track',
        name: m.event,
        ts: Date.parse(String(m.timestamp)) * 1000,
        platform: m.platform ?? 'app',
        memberId: idOf(String(m.userId)),
        targetMemberId: m.target?.userId === undefined ? null : idOf(String(m.target.userId)),
        properties: (m.properties ?? {}) as Record<string, unknown>,
      });
    }
  }
  return { events: events.sort(compareEvents), memberIds: [...ids.values()] };
}
