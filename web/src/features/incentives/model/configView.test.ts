/** The console reads rules, badges and levels from JSON it cannot trust to be valid (a draft being typed). */
import { describe, expect, it } from 'vitest';
import { fieldTarget, inLanguage, readBadge, readLevel, readRule, readRuleSet, ruleCategories } from './configView.ts';

describe('readRuleSet', () => {
  it('reads a preset-like rule set', () => {
    const set = readRuleSet({
      floor: 0,
      dailyCap: { points: 60, exempt: ['invite_accepted'] },
      rules: [
        { id: 'post_created', name: { en: 'Published a post', zh: '发帖' }, category: 'creation', when: { event: 'post_created' }, points: 5, to: 'actor', caps: { perDay: 25 } },
        { id: 'del', name: { en: 'Deleted', zh: '删帖' }, when: { event: ['post_deleted'] }, to: 'target_or_actor', reverses: { rules: ['post_created'] } },
        { id: 'buy', name: { en: 'Bought', zh: '购买' }, when: { event: 'purchase', where: [{ path: 'currency', op: 'eq', value: 'CNY' }] }, points: { property: 'amount', factor: 0.01 }, to: 'actor', effective: { from: '2026-01-01', retroactive: true } },
      ],
    });
    expect(set.floor).toBe(0);
    expect(set.dailyCap).toEqual({ points: 60, exempt: ['invite_accepted'] });
    expect(set.rules.map((r) => r.points.kind)).toEqual(['fixed', 'reversal', 'property']);
    expect(set.rules[0]!.caps).toEqual({ perDay: 25, perWeek: null, lifetime: null });
    expect(set.rules[2]!.where).toEqual([{ path: 'currency', op: 'eq', value: 'CNY' }]);
    expect(set.rules[2]!.points).toEqual({ kind: 'property', property: 'amount', factor: 0.01, round: 'trunc' });
    expect(set.rules[2]!.effective).toEqual({ from: '2026-01-01', until: null, retroactive: true, replaces: null });
    expect(ruleCategories(set.rules)).toEqual(['creation']);
  });

  it('survives a broken draft', () => {
    const set = readRuleSet({ rules: [null, 5, { id: 3, caps: 'x', when: [] }], dailyCap: { points: 'lots' } });
    expect(set.rules.map((r) => r.id)).toEqual(['#1', '#2', '#3']);
    expect(set.dailyCap).toBeNull();
    expect(readRuleSet(undefined).rules).toEqual([]);
    expect(readRule({ caps: { perDay: -5 } }, 0).caps.perDay).toBe(-5);
  });
});

describe('badges and levels', () => {
  it('reads a content badge and an accepted badge with their defaults', () => {
    const b = readBadge({
      id: 'liked-post',
      class: 'bronze',
      multiple: true,
      criterion: { kind: 'content', item: { key: 'post_id', events: ['post_created'] }, metric: { kind: 'sum', events: [{ event: 'post_liked' }] }, atLeast: 10 },
    });
    expect(b.badgeClass).toBe('bronze');
    expect(b.criterion).toMatchObject({ kind: 'content', itemEvents: ['post_created'], metric: { kind: 'sum', events: ['post_liked'] }, atLeast: 10 });
    expect(readBadge({ criterion: { kind: 'accepted' } }).criterion).toMatchObject({ events: ['answer_accepted'], role: 'target', n: 1 });
    expect(readBadge({ class: 'platinum' }).badgeClass).toBeNull();
  });

  it('reads level requirements and demotion', () => {
    const l = readLevel({
      id: 'core',
      privileges: ['moderate'],
      requirements: [
        { kind: 'points', min: 800 },
        { kind: 'active_days', events: ['check_in'], windowDays: 90, share: 0.4 },
        { kind: 'count', events: ['topic_viewed'], windowDays: 100, communityShare: { share: 0.25, of: ['topic_created'], cap: 500 } },
        { kind: 'distinct', events: ['post_liked'], role: 'target', by: { kind: 'counterpart' }, min: 10 },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 30 },
    });
    expect(l.requirements.map((r) => r.kind)).toEqual(['points', 'active_days', 'count', 'distinct']);
    expect(l.requirements[1]).toMatchObject({ share: 0.4, windowDays: 90 });
    expect(l.requirements[2]).toMatchObject({ share: 0.25, shareOf: ['topic_created'], shareCap: 500 });
    expect(l.requirements[3]).toMatchObject({ role: 'target', distinctBy: { kind: 'counterpart' } });
    expect(l.demotion).toEqual({ kind: 'hysteresis', keepShare: 0.9, graceDays: 30 });
    expect(readLevel({}).demotion).toEqual({ kind: 'immediate' });
  });

  it('names things in the UI language', () => {
    expect(inLanguage({ en: 'Post', zh: '发帖' }, 'en', 'x')).toBe('Post');
    expect(inLanguage({ en: 'Post', zh: '发帖' }, 'zh-CN', 'x')).toBe('发帖');
    expect(inLanguage(null, 'en', 'fallback')).toBe('fallback');
  });
});

describe('fieldTarget', () => {
  it('points a server path at a cell of the rules table', () => {
    expect(fieldTarget(['points', 'rules', '0', 'caps', 'perDay'])).toEqual({ kind: 'rule', index: 0, column: 'caps' });
    expect(fieldTarget(['points', 'rules', '3', 'when', 'where', '0', 'path'])).toEqual({ kind: 'rule', index: 3, column: 'event' });
    expect(fieldTarget(['points', 'rules', '2'])).toEqual({ kind: 'rule', index: 2, column: 'rule' });
    expect(fieldTarget(['points', 'dailyCap', 'exempt', '0'])).toEqual({ kind: 'limits' });
    expect(fieldTarget(['badges', '1', 'class'])).toEqual({ kind: 'other' });
  });
});
