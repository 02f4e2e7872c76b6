/** The ladder schema (errors name the field path) and the presets' contents against their sources. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/index.ts';
import { MapState } from '../../src/gamification/events.ts';
import { LevelEngine, levelLadder, parseLadder } from '../../src/gamification/levels/index.ts';
import { creatorZhLevels } from '../../src/gamification/presets/creator-zh/levels.ts';
import { DISCOURSE_DEFAULTS, discourseLevelLadder, discourseLevels } from '../../src/gamification/presets/discourse/levels.ts';
import { stackExchangeLevelLadder, stackExchangeLevels } from '../../src/gamification/presets/stackexchange/levels.ts';

/** Users.xml of the cardano dump: user id → Reputation (read directly, independent of the importer). */
function dumpReputation(): Map<string, number> {
  const file = path.resolve(import.meta.dirname, '../../../shared/data/stackexchange/cardano/Users.xml');
  const rows = fs.readFileSync(file, 'utf8').match(/<row [^>]*\/>/g) ?? [];
  return new Map(rows.map((r) => [/\bId="(-?\d+)"/.exec(r)![1]!, Number(/\bReputation="(\d+)"/.exec(r)![1])]));
}

const n = (en: string) => ({ en, zh: en });

function problem(input: unknown): { field: string | undefined; message: string } {
  try {
    parseLadder(input);
  } catch (e) {
    if (e instanceof AppError) return { field: e.field, message: e.message };
    throw e;
  }
  throw new Error('parsed');
}

describe('parseLadder', () => {
  it('names the field path of the first problem', () => {
    const bad = { levels: [{ id: 'a', name: n('A') }, { id: 'b', name: n('B'), requirements: [{ kind: 'points', min: -1 }] }] };
    expect(problem(bad).field).toBe('levels.1.requirements.0.min');
    expect(problem({ levels: [{ id: 'a', name: n('A'), requirements: [{ kind: 'count', events: ['x'], windowDays: 1000, min: 1 }] }] }).field).toBe(
      'levels.0.requirements.0.windowDays',
    );
    expect(problem({ levels: [{ id: 'Bad Id', name: n('A') }] }).field).toBe('levels.0.id');
    expect(problem({ levels: [] }).field).toBe('levels');
  });

  it('rejects duplicate level ids and ambiguous requirements', () => {
    expect(problem({ levels: [{ id: 'a', name: n('A') }, { id: 'a', name: n('A') }] })).toMatchObject({ field: 'levels.1.id', message: 'levels.1.id: duplicate level id a' });
    const both = { kind: 'count', events: ['x'], min: 1, max: 2 };
    expect(problem({ levels: [{ id: 'a', name: n('A'), requirements: [both] }] }).field).toBe('levels.0.requirements.0.min');
    const twice = { kind: 'count', events: ['x'], min: 1 };
    expect(problem({ levels: [{ id: 'a', name: n('A'), requirements: [twice, twice] }] }).field).toBe('levels.0.requirements.1.id');
    const shareNoWindow = { kind: 'active_days', events: ['x'], share: 0.5 };
    expect(problem({ levels: [{ id: 'a', name: n('A'), requirements: [shareNoWindow] }] }).field).toBe('levels.0.requirements.0.windowDays');
    expect(problem({ levels: [{ id: 'a', name: n('A'), privileges: ['Vote Down'] }] }).field).toBe('levels.0.privileges.0');
  });

  it('fills the defaults: immediate demotion, hysteresis of 90% and 14 days', () => {
    const l = parseLadder({ levels: [{ id: 'a', name: n('A') }, { id: 'b', name: n('B'), demotion: { kind: 'hysteresis' } }] });
    expect(l.id).toBe('levels');
    expect(l.levels[0]!.demotion).toEqual({ kind: 'immediate' });
    expect(l.levels[1]!.demotion).toEqual({ kind: 'hysteresis', keepShare: 0.9, graceDays: 14 });
  });

  it('survives a JSON round trip unchanged (it is stored as one JSON document)', () => {
    for (const ladder of [discourseLevels, creatorZhLevels, stackExchangeLevels]) expect(levelLadder.parse(JSON.parse(JSON.stringify(ladder)))).toEqual(ladder);
  });
});

describe('the Discourse preset', () => {
  // config/site_settings.yml (trust:) and trust_level3_requirements.rb in discourse/discourse.
  it('uses Discourse’s default settings', () => {
    expect(DISCOURSE_DEFAULTS).toMatchObject({
      tl1_requires_topics_entered: 5,
      tl1_requires_read_posts: 30,
      tl1_requires_time_spent_mins: 10,
      tl2_requires_days_visited: 15,
      tl2_requires_topic_reply_count: 3,
      tl3_time_period: 100,
      tl3_requires_days_visited: 50,
      tl3_requires_topics_replied_to: 10,
      tl3_requires_likes_given: 30,
      tl3_requires_likes_received: 20,
      tl3_promotion_min_duration: 14,
    });
    const tl3 = discourseLevels.levels[2]!;
    expect(tl3.demotion).toEqual({ kind: 'hysteresis', keepShare: 0.9, graceDays: 14 });
    const byId = Object.fromEntries(tl3.requirements.map((r) => [r.id, r]));
    expect(byId['days_visited']).toMatchObject({ kind: 'active_days', windowDays: 100, share: 0.5 });
    // Derived minimums: likes received on ceil(20 / 3) = 7 days from ceil(20 / 4) = 5 members.
    expect(byId['likes_received_days']).toMatchObject({ min: 7 });
    expect(byId['likes_received_users']).toMatchObject({ min: 5 });
  });

  it('follows a community’s overrides', () => {
    const tl3 = discourseLevelLadder({ tl3_time_period: 60, tl3_requires_days_visited: 30 }).levels[2]!;
    expect(tl3.requirements[0]).toMatchObject({ windowDays: 60, share: 0.5 });
  });
});

describe('the Stack Exchange preset', () => {
  const privilegesAt = (ladder: typeof stackExchangeLevels, rep: number) => {
    const engine = new LevelEngine(ladder, { timeZone: 'UTC' });
    const state = new MapState();
    engine.evaluate(1, 0, state, rep);
    return engine.level(1, state).privileges;
  };

  it('grants the privileges of https://stackoverflow.com/help/privileges at their thresholds', () => {
    expect(privilegesAt(stackExchangeLevels, 14)).not.toContain('vote_up');
    expect(privilegesAt(stackExchangeLevels, 15)).toEqual(expect.arrayContaining(['create_posts', 'participate_in_meta', 'vote_up', 'flag_posts']));
    expect(privilegesAt(stackExchangeLevels, 49)).not.toContain('comment_everywhere');
    expect(privilegesAt(stackExchangeLevels, 50)).toContain('comment_everywhere');
    expect(privilegesAt(stackExchangeLevels, 124)).not.toContain('vote_down');
    expect(privilegesAt(stackExchangeLevels, 125)).toContain('vote_down');
    expect(privilegesAt(stackExchangeLevels, 2000)).toContain('edit_questions_and_answers');
    expect(privilegesAt(stackExchangeLevels, 3000)).toContain('cast_close_and_reopen_votes');
    expect(privilegesAt(stackExchangeLevels, 25_000)).toHaveLength(26);
    expect(stackExchangeLevels.levels.map((l) => l.id).slice(0, 6)).toEqual(['rep_1', 'rep_5', 'rep_10', 'rep_15', 'rep_20', 'rep_50']);
  });

  it('has the beta thresholds (close votes at 500, editing at 1000, no reduced ads)', () => {
    const beta = stackExchangeLevelLadder({ thresholds: 'beta' });
    expect(privilegesAt(beta, 500)).toContain('cast_close_and_reopen_votes');
    expect(privilegesAt(beta, 999)).not.toContain('edit_questions_and_answers');
    expect(privilegesAt(beta, 1000)).toContain('edit_questions_and_answers');
    expect(privilegesAt(beta, 100_000)).not.toContain('reduce_ads');
  });

  it('takes privileges away as reputation falls, unless configured not to', () => {
    const engine = new LevelEngine(stackExchangeLevels, { timeZone: 'UTC' });
    const state = new MapState();
    engine.evaluate(1, 0, state, 3000);
    expect(engine.evaluate(1, 1, state, 2998)).toMatchObject({ from: 'rep_3000', to: 'rep_2500', direction: 'down' });
    const keep = new LevelEngine(stackExchangeLevelLadder({ demote: false }), { timeZone: 'UTC' });
    const s2 = new MapState();
    keep.evaluate(1, 0, s2, 3000);
    expect(keep.evaluate(1, 1, s2, 2998)).toBeNull();
  });

  it('puts the cardano dump’s users at the level of their Users.xml reputation', () => {
    // The site is a public beta; the count with each privilege equals the count at or above its threshold.
    const rep = dumpReputation();
    const beta = stackExchangeLevelLadder({ thresholds: 'beta' });
    const engine = new LevelEngine(beta, { timeZone: 'UTC' });
    const state = new MapState();
    for (const [id, r] of rep) engine.evaluate(Number(id), 0, state, r);
    const holders = (p: string) => [...rep.keys()].filter((id) => engine.hasPrivilege(Number(id), p, state)).length;
    const atLeast = (t: number) => [...rep.values()].filter((r) => r >= t).length;
    expect(holders('vote_up')).toBe(atLeast(15));
    expect(holders('comment_everywhere')).toBe(atLeast(50));
    expect(holders('vote_down')).toBe(atLeast(125));
    expect(holders('cast_close_and_reopen_votes')).toBe(atLeast(500));
    expect(atLeast(125)).toBeGreaterThan(10);
  });
});

describe('the creator-zh preset', () => {
  it('has the four levels with the privileges the product refers to', () => {
    expect(creatorZhLevels.levels.map((l) => l.name.zh)).toEqual(['新手', '活跃作者', '优质作者', '核心创作者']);
    const engine = new LevelEngine(creatorZhLevels, { timeZone: 'Asia/Shanghai' });
    expect(engine.privilegesOf('core_creator')).toEqual(expect.arrayContaining(['publish_column', 'revenue_share', 'moderate']));
    expect(engine.privilegesOf('active_author')).not.toContain('revenue_share');
    expect(engine.eventNames()).toEqual(['check_in', 'comment_created', 'invite_accepted', 'post_created', 'post_liked']);
  });
});
