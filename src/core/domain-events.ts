/**
 * The typed domain-event map: what one module announces and others (automations, later) react to, without
 * importing each other. Durable facts stay in their tables (a scoring run's tier and segment changes are rows in
 * `membership_changes`, readable by run); an event says that new facts exist and where to read them.
 */
import { EventEmitter } from 'node:events';

export interface DomainEventMap {
  /** A scoring run finished: its tier and segment changes can be read with GET /v1/scoring/changes?run=…. */
  'scoring.completed': { workspaceId: number; runId: number; asOf: number; members: number; tierChanges: number; segmentChanges: number };
  /** A member reached or lost a level as events arrived (not during a replay, which recomputes rather than happens). */
  'gamification.level_changed': { workspaceId: number; memberId: number; from: string | null; to: string | null; direction: 'up' | 'down'; at: number };
  /** A member earned a badge as events arrived (not during a replay). */
  'gamification.badge_awarded': { workspaceId: number; memberId: number; badgeId: string; subject: string | null; awardedAt: number };
}

export type DomainEventName = keyof DomainEventMap;

export class DomainEvents {
  private readonly emitter = new EventEmitter();

  on<K extends DomainEventName>(name: K, handler: (event: DomainEventMap[K]) => void): () => void {
    this.emitter.on(name, handler);
    return () => this.emitter.off(name, handler);
  }

  /** Handlers run synchronously; one that throws does not stop the others or the emitter. */
  emit<K extends DomainEventName>(name: K, event: DomainEventMap[K]): void {
    for (const handler of this.emitter.listeners(name)) {
      try {
        (handler as (e: DomainEventMap[K]) => void)(event);
      } catch {
        // A reacting module's failure is its own; the fact is in the database either way.
      }
    }
  }
}
