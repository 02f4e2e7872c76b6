/**
 * The creator-zh ladder on the demo community (src/demo): every level is reached, fewer members at each step up,
 * levels are lost when activity stops, and state stays small. Balances come from a stand-in with the values of the
 * creator-zh points preset (5 a post, 2 a comment, 1 a like received, 2 a check-in, 20 an accepted invitation) but
 * none of its caps, so this test does not depend on the points engine.
 */
import { describe, expect, it } from 'vitest';
import { compareEvents, MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { LevelEngine, type LevelChange, type MemberLevelState } from '../../src/gamification/levels/index.ts';
import { creatorZhLevels } from '../../src/gamification/presets/creator-zh/levels.ts';
import { demoEvents } from './demo-events.ts';

const END = new Date('2025-06-30T00:00:00Z');
const POINTS: Record<string, number> = { post_created: 5, comment_created: 2, check_in: 2 };


describe('creator-zh levels on the demo community', () => {
  const { events, memberIds } = demoEvents(5000, END);
  const engine = new LevelEngine(creatorZhLevels, { timeZone: 'Asia/Shanghai' });
  const state = new MapState();
  const balance = new Map<number, number>();
  const changes: LevelChange[] = [];
  for (const e of events) {
    if (e.memberId !== null) balance.set(e.memberId, (balance.get(e.memberId) ?? 0) + (POINTS[e.name] ?? 0));
    if (e.targetMemberId !== null && e.name === 'post_liked') balance.set(e.targetMemberId, (balance.get(e.targetMemberId) ?? 0) + 1);
    if (e.targetMemberId !== null && e.name === 'invite_accepted') balance.set(e.targetMemberId, (balance.get(e.targetMemberId) ?? 0) + 20);
    changes.push(...engine.apply(e, state, (id) => balance.get(id) ?? 0));
  }
  // The daily job on the last day.
  for (const id of memberIds) {
    const c = engine.evaluate(id, END.getTime() * 1000, state, balance.get(id) ?? 0);
    if (c) changes.push(c);
  }

  it('reaches every level, fewer members at each step up', () => {
    const ever = creatorZhLevels.levels.map((l) => new Set(changes.filter((c) => c.to === l.id).map((c) => c.memberId)).size);
    expect(ever[0]).toBe(memberIds.length);
    for (let i = 1; i < ever.length; i++) {
      expect(ever[i]).toBeGreaterThan(0);
      expect(ever[i]).toBeLessThan(ever[i - 1]!);
    }
  });

  it('takes levels away from members whose activity stopped, never within the grace period', () => {
    const down = changes.filter((c) => c.direction === 'down');
    expect(down.length).toBeGreaterThan(0);
    const lastUp = new Map<number, number>();
    for (const c of changes) {
      if (c.direction === 'up') lastUp.set(c.memberId, c.at);
      else expect(c.at - lastUp.get(c.memberId)!).toBeGreaterThan(14 * 86_400_000_000);
    }
  });

  it('keeps per-member state small', () => {
    const sizes = [...state.values.values()].map((v) => JSON.stringify(v).length);
    expect(Math.max(...sizes)).toBeLessThan(4096);
    const busiest = [...state.values.values()].sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length)[0] as MemberLevelState;
    for (const ring of Object.values(busiest.daily)) expect(ring.length / 2).toBeLessThanOrEqual(90); // (day, count) pairs
  });

  it('answers level, privileges and progress for a member', () => {
    const quality = memberIds.find((id) => engine.level(id, state).level === 'quality_author');
    expect(quality).toBeDefined();
    expect(engine.level(quality!, state).privileges).toEqual(['post', 'comment', 'like', 'publish_column', 'revenue_share', 'apply_featured']);
    const progress = engine.progress(quality!, END.getTime() * 1000, state, balance.get(quality!) ?? 0);
    expect(progress.map((p) => p.requirement)).toEqual(['points', 'posts_90d', 'likes_received_90d', 'comments_received_90d', 'active_days_90d', 'invites_accepted']);
    expect(progress.some((p) => !p.met)).toBe(true);
  });
});
