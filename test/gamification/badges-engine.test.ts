/**
 * The badge engine on hand-computed cases, one criterion kind at a time: what is granted, to whom, on which day,
 * for which subject, and what is not granted again.
 */
import { describe, expect, it } from 'vitest';
import { BadgeEngine, type BadgeAward } from '../../src/gamification/badges/engine.ts';
import type { BadgeDefinitionInput, MetricInput } from '../../src/gamification/badges/criteria.ts';
import { parseBadgeDefinitions } from '../../src/gamification/badges/parse.ts';
import { compareEvents, MapState, type GamificationEvent } from '../../src/gamification/events.ts';

/** Events with increasing ids in the order written, so events at one instant keep that order. */
function eventMaker() {
  let seq = 0;
  return (name: string, at: string, memberId: number | null, properties: Record<string, unknown> = {}, targetMemberId: number | null = null): GamificationEvent => ({
    eventId: `evt_${String(++seq).padStart(6, '0')}`,
    type: 'track',
    name,
    ts: Date.parse(at) * 1000,
    platform: 'test',
    memberId,
    targetMemberId,
    properties,
  });
}

const badge = (id: string, criterion: BadgeDefinitionInput['criterion'], extra: Partial<BadgeDefinitionInput> = {}): BadgeDefinitionInput => ({
  id,
  name: { en: id, zh: id },
  description: { en: id, zh: id },
  class: 'bronze',
  criterion,
  ...extra,
});

function run(defs: BadgeDefinitionInput[], events: readonly GamificationEvent[], timeZone = 'UTC'): BadgeAward[] {
  const engine = new BadgeEngine(parseBadgeDefinitions(defs), { timeZone });
  const state = new MapState();
  const out: BadgeAward[] = [];
  for (const e of [...events].sort(compareEvents)) for (const a of engine.apply(e, state)) out.push(a);
  return out;
}

/** badge, member, local day and subject: enough to read a case at a glance. */
const brief = (a: BadgeAward) => `${a.badgeId} m${a.memberId} ${a.day}${a.subject === null ? '' : ` #${a.subject}`}`;

const SCORE: MetricInput = { kind: 'sum', events: [{ event: 'up', delta: 1 }, { event: 'down', delta: -1 }] };
const ANSWER = { key: 'post_id', events: ['answer_posted'] };

describe('first', () => {
  it('grants at the first matching event, once, with the key and event of that event', () => {
    const ev = eventMaker();
    const events = [
      ev('$identify', '2024-01-01T10:00:00Z', 1, { about_me: '<p>&nbsp; </p>\n' }),
      ev('$identify', '2024-01-02T10:00:00Z', 1, { about_me: '<p>Barista in Hangzhou</p>' }),
      ev('$identify', '2024-01-03T10:00:00Z', 1, { about_me: '<p>Still a barista</p>' }),
      ev('$identify', '2024-01-03T11:00:00Z', 2, {}),
    ];
    const awards = run([badge('bio', { kind: 'first', events: ['$identify'], where: [{ property: 'about_me', op: 'has_text' }] })], events);
    expect(awards).toEqual([
      { key: 'bio:1', badgeId: 'bio', memberId: 1, awardedAt: Date.parse('2024-01-02T10:00:00Z') * 1000, day: '2024-01-02', subject: null, eventId: events[1]!.eventId },
    ]);
  });

  it('can be about the target of the event', () => {
    const ev = eventMaker();
    const awards = run(
      [badge('first-like', { kind: 'first', events: ['post_liked'], role: 'target' })],
      [ev('post_liked', '2024-01-01T10:00:00Z', 5, { post_id: 'p1' }, 7), ev('post_liked', '2024-01-02T10:00:00Z', 6, { post_id: 'p1' }, 7)],
    );
    expect(awards.map(brief)).toEqual(['first-like m7 2024-01-01']);
  });
});

describe('count', () => {
  it('grants at the n-th event, once', () => {
    const ev = eventMaker();
    const events = [1, 2, 3, 4].map((d) => ev('comment', `2024-01-0${d}T10:00:00Z`, 1));
    expect(run([badge('c3', { kind: 'count', events: ['comment'], n: 3 })], events).map(brief)).toEqual(['c3 m1 2024-01-03']);
  });

  it('within a window: n events inside that many consecutive days', () => {
    const ev = eventMaker();
    // Days 1, 2, 4, 5, 5 with n = 3 in 2 days: windows [1,2] → 2, [3,4] → 1, [4,5] → 2, then 3 at the second event of day 5.
    const events = ['01', '02', '04', '05', '05'].map((d, i) => ev('comment', `2024-01-${d}T1${i}:00:00Z`, 1));
    const awards = run([badge('burst', { kind: 'count', events: ['comment'], n: 3, withinDays: 2 })], events);
    expect(awards.map(brief)).toEqual(['burst m1 2024-01-05']);
    expect(awards[0]!.eventId).toBe(events[4]!.eventId);
  });

  it('a window counts calendar days of the engine time zone', () => {
    const ev = eventMaker();
    // 15:30Z and 16:30Z on the same UTC day are on two Shanghai days (23:30 and 00:30).
    const events = [ev('comment', '2024-01-01T15:30:00Z', 1), ev('comment', '2024-01-01T16:30:00Z', 1)];
    const def = [badge('same-day', { kind: 'count', events: ['comment'], n: 2, withinDays: 1 })];
    expect(run(def, events, 'UTC').map(brief)).toEqual(['same-day m1 2024-01-01']);
    expect(run(def, events, 'Asia/Shanghai')).toEqual([]);
  });

  it('multiple grants: every further n events, numbered', () => {
    const ev = eventMaker();
    const events = [1, 2, 3, 4, 5].map((d) => ev('post', `2024-01-0${d}T10:00:00Z`, 1));
    const awards = run([badge('p2', { kind: 'count', events: ['post'], n: 2 }, { multiple: true })], events);
    expect(awards.map(brief)).toEqual(['p2 m1 2024-01-02 #1', 'p2 m1 2024-01-04 #2']);
    expect(awards.map((a) => a.key)).toEqual(['p2:1:1', 'p2:1:2']);
  });

  it('counts only events whose properties match', () => {
    const ev = eventMaker();
    const events = [ev('purchase', '2024-01-01T10:00:00Z', 1, { amount: 500 }), ev('purchase', '2024-01-02T10:00:00Z', 1, { amount: 20_000 }), ev('purchase', '2024-01-03T10:00:00Z', 1, { amount: 15_000 })];
    const def = badge('big', { kind: 'count', events: ['purchase'], n: 2, where: [{ property: 'amount', op: 'gte', value: 10_000 }] });
    expect(run([def], events).map(brief)).toEqual(['big m1 2024-01-03']);
  });
});

describe('accepted', () => {
  it('counts the times the member is the target; a self-accept (no target) does not count', () => {
    const ev = eventMaker();
    const events = [
      ev('answer_accepted', '2024-01-01T10:00:00Z', 2, { post_id: 10 }, 1),
      ev('answer_accepted', '2024-01-02T10:00:00Z', 1, { post_id: 11 }, null),
      ev('answer_accepted', '2024-01-03T10:00:00Z', 3, { post_id: 12 }, 1),
    ];
    expect(run([badge('acc2', { kind: 'accepted', n: 2 })], events).map(brief)).toEqual(['acc2 m1 2024-01-03']);
  });
});

describe('content', () => {
  const nice = (extra: Partial<BadgeDefinitionInput> = {}) => badge('nice', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 3 }, extra);

  it('grants on the day the score first reaches the threshold, and not again after it drops and rises', () => {
    const ev = eventMaker();
    const p = { post_id: 100 };
    const events = [
      ev('answer_posted', '2024-01-01T09:00:00Z', 1, p),
      ev('up', '2024-01-01T10:00:00Z', null, p, 1),
      ev('up', '2024-01-02T10:00:00Z', null, p, 1),
      ev('up', '2024-01-03T10:00:00Z', null, p, 1), // 3: granted
      ev('down', '2024-01-04T10:00:00Z', null, p, 1), // 2
      ev('up', '2024-01-05T10:00:00Z', null, p, 1), // 3 again: nothing
    ];
    for (const multiple of [false, true]) {
      const awards = run([nice({ multiple })], events);
      expect(awards.map(brief)).toEqual([`nice m1 2024-01-03 #100`]);
      expect(awards[0]!.eventId).toBe(events[3]!.eventId);
    }
  });

  it('counts votes that come before the post (day-precision votes) and grants at the post', () => {
    const ev = eventMaker();
    const p = { post_id: 7 };
    const events = [ev('up', '2024-01-01T00:00:00Z', null, p, 1), ev('up', '2024-01-01T00:00:00Z', null, p, 1), ev('up', '2024-01-01T00:00:00Z', null, p, 1), ev('answer_posted', '2024-01-01T15:00:00Z', 1, p)];
    const awards = run([nice()], events);
    expect(awards.map(brief)).toEqual(['nice m1 2024-01-01 #7']);
    expect(awards[0]!.eventId).toBe(events[3]!.eventId);
  });

  it('multiple grants once per item; single grant once per member', () => {
    const ev = eventMaker();
    const events: GamificationEvent[] = [];
    for (const post of [1, 2]) {
      events.push(ev('answer_posted', `2024-01-0${post}T08:00:00Z`, 9, { post_id: post }));
      for (let i = 0; i < 3; i++) events.push(ev('up', `2024-01-0${post}T1${i}:00:00Z`, null, { post_id: post }, 9));
    }
    const multi = run([nice({ multiple: true })], events);
    expect(multi.map(brief)).toEqual(['nice m9 2024-01-01 #1', 'nice m9 2024-01-02 #2']);
    expect(multi.map((a) => a.key)).toEqual(['nice:9:1', 'nice:9:2']);
    const single = run([nice()], events);
    expect(single.map((a) => a.key)).toEqual(['nice:9']);
    expect(single[0]!.subject).toBe('1');
  });

  it('only items created by the item events (and matching its where) qualify', () => {
    const ev = eventMaker();
    const events = [ev('question_posted', '2024-01-01T08:00:00Z', 1, { post_id: 1, post_type: 'question' }), ...[0, 1, 2].map((i) => ev('up', `2024-01-01T1${i}:00:00Z`, null, { post_id: 1 }, 1))];
    expect(run([nice()], events)).toEqual([]);
    const anyPost = badge('nice', { kind: 'content', item: { events: ['question_posted', 'answer_posted'], where: [{ property: 'post_type', op: 'eq', value: 'question' }] }, metric: SCORE, atLeast: 3 });
    expect(run([anyPost], events).map(brief)).toEqual(['nice m1 2024-01-01 #1']);
  });

  it('requires: waits for the required event on the item (an accepted answer)', () => {
    const ev = eventMaker();
    const p = { post_id: 5 };
    const events = [
      ev('answer_posted', '2024-01-01T08:00:00Z', 1, { ...p, parent_id: 4 }, 2),
      ...[0, 1, 2].map((i) => ev('up', `2024-01-01T1${i}:00:00Z`, null, p, 1)),
      ev('answer_accepted', '2024-01-06T10:00:00Z', 2, p, 1),
    ];
    const def = badge('guru', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 3, requires: ['answer_accepted'] });
    expect(run([def], events).map(brief)).toEqual(['guru m1 2024-01-06 #5']);
  });

  it('parent facts: own question, first answer, more than n days later', () => {
    const ev = eventMaker();
    const events = [
      ev('question_posted', '2024-01-01T08:00:00Z', 1, { post_id: 1 }),
      ev('answer_posted', '2024-01-01T09:00:00Z', 2, { post_id: 2, parent_id: 1 }, 1), // first answer, someone else's question
      ev('answer_posted', '2024-01-01T10:00:00Z', 1, { post_id: 3, parent_id: 1 }), // self-answer, second
      ev('answer_posted', '2024-03-01T08:00:01Z', 3, { post_id: 4, parent_id: 1 }, 1), // 60 days and 1 s later
      ev('answer_posted', '2024-03-01T08:00:00Z', 4, { post_id: 5, parent_id: 1 }, 1), // exactly 60 days: not more
    ];
    for (const post of [2, 3, 4, 5]) events.push(ev('up', '2024-03-02T00:00:00Z', null, { post_id: post }, null));
    const defs = [
      badge('self', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, parent: { events: ['question_posted'], sameOwner: true } }, { multiple: true }),
      badge('first', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, parent: { events: ['question_posted'], firstChild: true } }, { multiple: true }),
      badge('late', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, parent: { events: ['question_posted'], afterDays: 60 } }, { multiple: true }),
    ];
    expect(run(defs, events).map(brief).sort()).toEqual(['first m2 2024-03-02 #2', 'late m3 2024-03-02 #4', 'self m1 2024-03-02 #3']);
  });

  it('a parent ordered after its child at the same instant: owner from the event, and the first-child slot kept', () => {
    const ev = eventMaker();
    // Asked together with its own answer; the answer's id sorts first ('evt_000001' < 'evt_000002').
    const events = [
      ev('answer_posted', '2024-01-01T08:00:00Z', 1, { post_id: 100, parent_id: 99 }),
      ev('question_posted', '2024-01-01T08:00:00Z', 1, { post_id: 99 }),
      ev('answer_posted', '2024-01-01T09:00:00Z', 2, { post_id: 101, parent_id: 99 }, 1),
      ev('up', '2024-01-02T00:00:00Z', null, { post_id: 100 }, 1),
      ev('up', '2024-01-02T00:00:00Z', null, { post_id: 101 }, 2),
    ];
    const defs = [
      badge('self', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, parent: { events: ['question_posted'], sameOwner: true } }),
      badge('first', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1, parent: { events: ['question_posted'], firstChild: true } }, { multiple: true }),
    ];
    expect(run(defs, events).map(brief).sort()).toEqual(['first m1 2024-01-02 #100', 'self m1 2024-01-02 #100']);
  });

  it('latest metric: the last value seen, e.g. a view count on the post event', () => {
    const ev = eventMaker();
    const def = badge('popular', { kind: 'content', item: { events: ['question_posted'] }, metric: { kind: 'latest', property: 'view_count', events: ['viewed'] }, atLeast: 1000 }, { multiple: true });
    const events = [
      ev('question_posted', '2024-01-01T08:00:00Z', 1, { post_id: 1, view_count: 1500 }),
      ev('question_posted', '2024-01-01T09:00:00Z', 1, { post_id: 2, view_count: 10 }),
      ev('viewed', '2024-02-01T09:00:00Z', null, { post_id: 2, view_count: 999 }),
      ev('viewed', '2024-02-03T09:00:00Z', null, { post_id: 2, view_count: 1000 }),
    ];
    expect(run([def], events).map(brief)).toEqual(['popular m1 2024-01-01 #1', 'popular m1 2024-02-03 #2']);
  });

  it('a single-grant badge waits for an event that involves the owner (whose record the event loads)', () => {
    const ev = eventMaker();
    const p = { post_id: 1 };
    const events = [
      ev('answer_posted', '2024-01-01T08:00:00Z', 1, p),
      ev('up', '2024-01-02T00:00:00Z', 5, p, 6), // names someone else as target: cannot grant to member 1 here
      ev('up', '2024-01-03T00:00:00Z', null, p, 1),
    ];
    const def = badge('teacher', { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1 });
    expect(run([def], events).map(brief)).toEqual(['teacher m1 2024-01-03 #1']);
  });
});

describe('streak', () => {
  const streak = (days: number, multiple = false) => badge(`s${days}`, { kind: 'streak', events: ['check_in'], days }, { multiple });

  it('follows the engine time zone: the same instants are 3 days in Shanghai and 2 in UTC', () => {
    const ev = eventMaker();
    // Shanghai is UTC+8: 23:00 Jan 1, 01:00 Jan 2, 01:00 Jan 3 local.
    const events = [ev('check_in', '2024-01-01T15:00:00Z', 1), ev('check_in', '2024-01-01T17:00:00Z', 1), ev('check_in', '2024-01-02T17:00:00Z', 1)];
    expect(run([streak(3)], events, 'UTC')).toEqual([]);
    const sh = run([streak(3)], events, 'Asia/Shanghai');
    expect(sh.map(brief)).toEqual(['s3 m1 2024-01-03']);
    expect(sh[0]!.awardedAt).toBe(Date.parse('2024-01-02T17:00:00Z') * 1000);
  });

  it('a missed day breaks the streak; two check-ins on one day count once', () => {
    const ev = eventMaker();
    const days = ['01', '02', '04', '04', '05', '06'];
    const events = days.map((d, i) => ev('check_in', `2024-01-${d}T0${i}:00:00Z`, 1));
    const awards = run([streak(3)], events);
    expect(awards.map(brief)).toEqual(['s3 m1 2024-01-06']);
  });

  it('multiple: once per streak, the subject is the first day of the streak', () => {
    const ev = eventMaker();
    const days = ['01', '02', '03', '04', '05', '07', '08', '09'];
    const awards = run([streak(3, true)], days.map((d) => ev('check_in', `2024-01-${d}T08:00:00Z`, 1)));
    expect(awards.map(brief)).toEqual(['s3 m1 2024-01-03 #2024-01-01', 's3 m1 2024-01-09 #2024-01-07']);
  });
});

describe('the engine', () => {
  it('listens to the criteria events only, and names the keys it reads', () => {
    const defs = parseBadgeDefinitions([
      badge('c', { kind: 'count', events: ['comment'], n: 2 }),
      badge('n', { kind: 'content', item: { events: ['answer_posted'] }, metric: SCORE, atLeast: 1, parent: { events: ['question_posted'] } }),
    ]);
    const engine = new BadgeEngine(defs, { timeZone: 'UTC' });
    expect(engine.eventNames()).toEqual(['answer_posted', 'comment', 'down', 'question_posted', 'up']);
    const ev = eventMaker();
    expect(engine.stateKeys(ev('page_viewed', '2024-01-01T00:00:00Z', 1))).toEqual([]);
    expect(engine.stateKeys(ev('comment', '2024-01-01T00:00:00Z', 1, {}, 2))).toEqual(['badges:m:1']);
    expect(engine.stateKeys(ev('answer_posted', '2024-01-01T00:00:00Z', 1, { post_id: 5, parent_id: 4 }, 2))).toEqual(['badges:i:post_id:5', 'badges:i:post_id:4', 'badges:m:1', 'badges:m:2']);
  });
});
