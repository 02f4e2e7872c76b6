/**
 * Discourse TL3 semantics, hand-computed on a two-requirement ladder (trust_level3_requirements.rb: promotion when the
 * 100-day requirements hold; demotion only below LOW_WATER_MARK = 90%, never within tl3_promotion_min_duration = 14
 * days of the promotion), then on the Discourse preset itself.
 */
import { describe, expect, it } from 'vitest';
import { MapState, type GamificationEvent } from '../../src/gamification/events.ts';
import { LevelEngine, levelLadder, type LevelChange } from '../../src/gamification/levels/index.ts';
import { DISCOURSE_EVENTS, discourseLevels } from '../../src/gamification/presets/discourse/levels.ts';

const DAY = 86_400_000_000;
/** 2024-01-01 00:00 UTC in µs; day n of a test is BASE + n days. */
const BASE = Date.UTC(2024, 0, 1) * 1000;
const at = (day: number, hour = 12) => BASE + day * DAY + hour * 3_600_000_000;

let seq = 0;
function ev(name: string, day: number, memberId: number | null, targetMemberId: number | null = null, properties: Record<string, unknown> = {}, hour = 12): GamificationEvent {
  seq++;
  return { eventId: `e${String(seq).padStart(6, '0')}`, type: 'track', name, ts: at(day, hour), platform: 'test', memberId, targetMemberId, properties };
}

const ladder = levelLadder.parse({
  id: 'tl3-test',
  levels: [
    { id: 'tl2', name: { en: 'Member', zh: '成员' }, privileges: ['invite'] },
    {
      id: 'tl3',
      name: { en: 'Regular', zh: '常客' },
      privileges: ['recategorize_topics'],
      requirements: [
        { kind: 'active_days', id: 'days_visited', events: ['visit'], windowDays: 100, share: 0.5 },
        { kind: 'count', id: 'likes_received', events: ['post_liked'], role: 'target', windowDays: 100, min: 20 },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 14 },
    },
  ],
});

const M = 1;
const LIKER = 2;

/** Runs events in order and returns every change; `evaluateDays` re-evaluates member M at noon on those days. */
function run(events: GamificationEvent[], evaluateDays: number[] = []) {
  const engine = new LevelEngine(ladder, { timeZone: 'UTC' });
  const state = new MapState();
  const changes: LevelChange[] = [];
  const timeline: { ts: number; run: () => void }[] = [
    ...events.map((e) => ({ ts: e.ts, run: () => changes.push(...engine.apply(e, state, () => 0)) })),
    ...evaluateDays.map((d) => ({
      ts: at(d, 23),
      run: () => {
        const c = engine.evaluate(M, at(d, 23), state, 0);
        if (c) changes.push(c);
      },
    })),
  ];
  timeline.sort((a, b) => a.ts - b.ts);
  for (const step of timeline) step.run();
  return { engine, state, changes: changes.filter((c) => c.memberId === M && (c.from === 'tl3' || c.to === 'tl3')) };
}

const visits = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ev('visit', from + i, M));
const likes = (day: number, n: number) => Array.from({ length: n }, () => ev('post_liked', day, LIKER, M, {}, 8));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('TL3 promotion', () => {
  it('promotes on the event that makes the last 100-day requirement hold, not before', () => {
    const events = [...likes(10, 20), ...visits(0, 49)];
    const { changes, engine, state } = run(events);
    // Day 48: 49 days visited of the 50 needed (50% of 100); the visit of day 49 makes 50.
    expect(changes).toEqual([{ memberId: M, from: 'tl2', to: 'tl3', at: at(49), direction: 'up', reason: 'requirements of tl3 met' }]);
    expect(engine.level(M, state)).toEqual({ level: 'tl3', since: at(49), privileges: ['invite', 'recategorize_topics'] });
  });

  it('does not count days that left the window: 50 visits, only 49 in the last 100 days', () => {
    // Visits on days 0–24 and 76–100; at day 100 the window is days 1–100: 24 + 25 = 49.
    const events = [...likes(80, 20), ...visits(0, 24), ...visits(76, 100)];
    expect(run(events).changes).toEqual([]);
  });

  it('needs every requirement: 50 days visited but 19 likes received is not enough', () => {
    expect(run([...likes(10, 19), ...visits(0, 49)]).changes).toEqual([]);
  });
});

describe('TL3 demotion', () => {
  // Promoted on day 49 (50 visits on days 0–49; likes: one on each of days 0, 1, 2 and 17 on day 30 = 20).
  const promoted = [...visits(0, 49), ...likes(0, 1), ...likes(1, 1), ...likes(2, 1), ...likes(30, 17)];

  it('keeps TL3 at 95% and at exactly 90% of a requirement, demotes below 90%', () => {
    // Day 100 (window 1–100): 19 likes = 95%, 49 days visited = 98%. Day 101: 18 = 90%, kept. Day 102: 17 = 85%.
    const { changes } = run(promoted, range(100, 103));
    expect(changes.map((c) => [c.direction, c.at])).toEqual([
      ['up', at(49)],
      ['down', at(102, 23)],
    ]);
    expect(changes[1]!.reason).toBe('likes_received 17 < 90% of 20');
    expect(changes[1]!.to).toBe('tl2');
  });

  it('demotes on days visited below 45 as the window slides, with no event at all', () => {
    // Likes kept topped up; visits stop after day 49. Day 104 (window 5–104): days 5–49 = 45 = 90%, kept. Day 105: 44.
    const { changes } = run([...promoted, ...likes(95, 20)], range(100, 106));
    expect(changes.map((c) => [c.direction, c.at, c.reason])).toEqual([
      ['up', at(49), 'requirements of tl3 met'],
      ['down', at(105, 23), 'days_visited 44 < 90% of 50'],
    ]);
  });

  // Promoted on day 99: visits days 50–99, likes 5 on day 0 and 15 on day 60. From day 100 the window (1–100)
  // holds 15 likes = 75%: below 90% at once, but inside the 14-day grace.
  const late = [...visits(50, 99), ...likes(0, 5), ...likes(60, 15)];

  it('never demotes within 14 days of the promotion, then demotes on day 15 if still below', () => {
    const { changes } = run(late, range(99, 120));
    expect(changes.map((c) => [c.direction, c.at])).toEqual([
      ['up', at(99)],
      ['down', at(99 + 15, 23)],
    ]);
  });

  it('does not demote after the grace when the member is back at 90% by then', () => {
    // Three more likes on day 105: 18 = 90% from then on.
    const { changes } = run([...late, ...likes(105, 3)], range(99, 140));
    expect(changes.map((c) => c.direction)).toEqual(['up']);
  });

  it('re-promotes only when the full requirement holds again (hysteresis: 90% keeps, 100% earns)', () => {
    // Demoted on day 114 with 15 likes; 3 more on day 116 give 18 (90%): not enough to come back; 2 more on day 117 give 20.
    const { changes } = run([...late, ...likes(116, 3), ...likes(117, 2), ...visits(116, 117)], range(99, 118));
    expect(changes.map((c) => [c.direction, c.at])).toEqual([
      ['up', at(99)],
      ['down', at(114, 23)],
      ['up', at(117, 8)],
    ]);
  });
});

describe('the Discourse preset', () => {
  const E = DISCOURSE_EVENTS;
  const others = [10, 11, 12, 13, 14, 15];

  /** A member who meets TL1, TL2 and TL3 by day 59, in a community where 40 topics and 200 replies were posted. */
  function regular(): GamificationEvent[] {
    const out: GamificationEvent[] = [];
    for (let i = 0; i < 40; i++) {
      out.push(ev(E.topicCreated, i, others[i % 6]!, null, { topic_id: `t${i}` }, 1));
      out.push(ev(E.postCreated, i, others[i % 6]!, null, { topic_id: `t${i}` }, 1)); // its first post
    }
    for (let i = 0; i < 200; i++) out.push(ev(E.postCreated, i % 60, others[(i + 1) % 6]!, others[i % 6]!, { topic_id: `t${i % 40}` }, 2));
    for (let d = 0; d < 60; d++) out.push(ev(E.dayVisited, d, M, null, { posts_read: 10, time_read: d === 0 ? 3600 : 120 }, 9));
    for (let i = 0; i < 200; i++) out.push(ev(E.topicViewed, Math.floor(i / 4), M, null, { topic_id: `v${i}` }, 11));
    for (let i = 0; i < 10; i++) out.push(ev(E.postCreated, 5 + i, M, others[i % 6]!, { topic_id: `t${i}` }, 13));
    for (let i = 0; i < 30; i++) out.push(ev(E.postLiked, i, M, others[i % 6]!, {}, 14));
    for (let i = 0; i < 20; i++) out.push(ev(E.postLiked, i, others[i % 6]!, M, {}, 15));
    return out.sort((a, b) => a.ts - b.ts || (a.eventId < b.eventId ? -1 : 1));
  }

  it('climbs TL1 → TL2 → TL3 with the default requirements', () => {
    const engine = new LevelEngine(discourseLevels, { timeZone: 'UTC' });
    const state = new MapState();
    const changes = regular().flatMap((e) => engine.apply(e, state, () => 0)).filter((c) => c.memberId === M);
    expect(changes.map((c) => c.to)).toEqual(['tl1', 'tl2', 'tl3']);
    // TL1: 5 topics entered (four a day: day 1), 10 minutes read (day 0), 30 posts read (ten a day: day 2).
    expect(changes[0]!.at).toBe(at(2, 9));
    // TL2 needs 15 days visited (all time): day 14.
    expect(changes[1]!.at).toBe(at(14, 9));
    // TL3: 50 days visited in the last 100 on day 49 at 09:00, but 200 topics viewed all time only at 11:00.
    expect(changes[2]!.at).toBe(at(49, 11));
    expect(engine.level(M, state).privileges).toEqual([
      'flag_posts', 'send_messages', 'edit_wiki_posts', 'post_images_and_links', 'invite', 'ignore_users',
      'self_wiki', 'recategorize_topics', 'rename_topics', 'followed_links', 'lounge_access',
    ]);
  });

  it('reports TL3 progress with the community shares: 25% of the topics and of the posts of the window', () => {
    const engine = new LevelEngine(discourseLevels, { timeZone: 'UTC' });
    const state = new MapState();
    for (const e of regular()) if (e.ts < at(30, 0)) engine.apply(e, state, () => 0);
    const p = Object.fromEntries(engine.progress(M, at(29, 23), state, 0).map((x) => [x.requirement, x]));
    // By day 29: 30 topics (30 first posts); replies by others 4 a day on days 0–19 and 3 a day after (110); M's 10.
    expect(p['days_visited']).toEqual({ requirement: 'days_visited', value: 30, needed: 50, met: false });
    // round(30 × 25%) = round(7.5) = 8, as Ruby rounds; round(150 × 25%) = round(37.5) = 38.
    expect(p['topics_viewed']).toEqual({ requirement: 'topics_viewed', value: 120, needed: 8, met: true });
    expect(p['posts_read']).toEqual({ requirement: 'posts_read', value: 300, needed: 38, met: true });
    expect(p['topics_replied_to']).toMatchObject({ value: 10, needed: 10, met: true });
    expect(p['likes_received_days']).toMatchObject({ value: 20, needed: 7, met: true });
    // Six members liked M's posts; the counter keeps the bound (5) most recent, so the value stops at 5.
    expect(p['likes_received_users']).toMatchObject({ value: 5, needed: 5, met: true });
    expect(p['likes_given']).toMatchObject({ value: 30, needed: 30, met: true });
    expect(p['flagged_posts']).toMatchObject({ value: 0, needed: 5, met: true });
  });
});
