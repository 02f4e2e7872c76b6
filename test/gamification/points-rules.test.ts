/** The points rule schema: what validates, and that every rejection names the offending field's path. */
import { describe, expect, it } from 'vitest';
import { pointsRuleSet, type PointsRuleSetInput } from '../../src/gamification/points/rules.ts';
import { creatorZhPoints } from '../../src/gamification/presets/creator-zh/points.ts';
import { discoursePoints } from '../../src/gamification/presets/discourse/points.ts';
import { stackExchangePoints } from '../../src/gamification/presets/stackexchange/points.ts';

const rule = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: { en: id, zh: id }, when: { event: 'x' }, points: 1, to: 'actor', ...extra });

/** The paths of the issues a rule set fails with. */
function issuePaths(input: unknown): (string | number)[][] {
  const r = pointsRuleSet.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
}

describe('pointsRuleSet', () => {
  it('accepts the three presets, and re-parses its own output unchanged (the API stores parsed sets)', () => {
    for (const set of [stackExchangePoints, discoursePoints, creatorZhPoints]) {
      expect(pointsRuleSet.parse(set)).toEqual(set);
      expect(pointsRuleSet.parse(JSON.parse(JSON.stringify(set)))).toEqual(set);
    }
  });

  it('accepts a minimal rule: an event, fixed points and a recipient', () => {
    const set = pointsRuleSet.parse({ rules: [rule('a')] });
    expect(set.rules[0]).toEqual({ id: 'a', name: { en: 'a', zh: 'a' }, when: { event: 'x' }, points: 1, to: 'actor' });
    expect(pointsRuleSet.parse({ rules: [], dailyCap: { points: 5 } }).dailyCap).toEqual({ points: 5, exempt: [] });
  });

  it('names the path of a duplicate rule id', () => {
    expect(issuePaths({ rules: [rule('a'), rule('a')] })).toEqual([['rules', 1, 'id']]);
  });

  it('names the path of an exempt id that is not a rule', () => {
    expect(issuePaths({ rules: [rule('a')], dailyCap: { points: 10, exempt: ['a', 'b'] } })).toEqual([['dailyCap', 'exempt', 1]]);
  });

  it('checks what a reversal points at: an existing rule, with a ref, that is not itself a reversal', () => {
    const set = {
      rules: [
        rule('award', { ref: 'post_id' }),
        rule('plain'),
        { id: 'undo', name: { en: 'u', zh: 'u' }, when: { event: 'y' }, to: 'target', reverses: { rules: ['award', 'missing', 'plain'] } },
        { id: 'undo2', name: { en: 'u', zh: 'u' }, when: { event: 'y' }, to: 'target', reverses: { rules: ['undo'] } },
      ],
    };
    expect(issuePaths(set)).toEqual([
      ['rules', 2, 'reverses', 'rules', 1],
      ['rules', 2, 'reverses', 'rules', 2],
      ['rules', 3, 'reverses', 'rules', 0],
    ]);
  });

  it('rejects points, caps and category on a reversal rule, and a plain rule without points', () => {
    const reversal = { id: 'undo', name: { en: 'u', zh: 'u' }, when: { event: 'y' }, to: 'target', points: 3, caps: { perDay: 1 }, category: 'c', reverses: { rules: ['a'] } };
    expect(issuePaths({ rules: [rule('a', { ref: 'post_id' }), reversal] })).toEqual([
      ['rules', 1, 'points'],
      ['rules', 1, 'caps'],
      ['rules', 1, 'category'],
    ]);
    const { points: _, ...noPoints } = rule('b');
    expect(issuePaths({ rules: [noPoints] })).toEqual([['rules', 0, 'points']]);
  });

  it('wants effective dates in order, real calendar dates, and an existing rule to replace', () => {
    expect(issuePaths({ rules: [rule('a', { effective: { from: '2020-02-01', until: '2020-01-31' } })] })).toEqual([['rules', 0, 'effective', 'until']]);
    expect(issuePaths({ rules: [rule('a', { effective: { from: '2020-02-30' } })] })).toEqual([['rules', 0, 'effective', 'from']]);
    expect(issuePaths({ rules: [rule('a', { effective: { replaces: 'zzz' } })] })).toEqual([['rules', 0, 'effective', 'replaces']]);
    expect(issuePaths({ rules: [rule('a', { effective: { replaces: 'a' } })] })).toEqual([['rules', 0, 'effective', 'replaces']]);
    expect(pointsRuleSet.safeParse({ rules: [rule('a', { effective: { from: '2020-01-31', until: '2020-01-31' } })] }).success).toBe(true);
  });

  it('names the path inside a bad condition, and of a condition on an undeclared fact', () => {
    expect(issuePaths({ rules: [rule('a', { when: { event: 'x', where: [{ path: 'p', op: 'gt', value: 'high' }] } })] })[0]!.slice(0, 5)).toEqual(['rules', 0, 'when', 'where', 0]);
    expect(issuePaths({ rules: [rule('a', { when: { event: 'x', where: [{ path: 'p', op: 'like', value: 1 }] } })] })[0]!.slice(0, 5)).toEqual(['rules', 0, 'when', 'where', 0]);
    expect(issuePaths({ rules: [rule('a', { when: { event: 'x', where: [{ path: '@post.cw', op: 'exists' }] } })] })).toEqual([['rules', 0, 'when', 'where', 0, 'path']]);
  });

  it('names the path of a bad id, time zone, recipient, cap or points value', () => {
    expect(issuePaths({ rules: [rule('Has Space')] })).toEqual([['rules', 0, 'id']]);
    expect(issuePaths({ rules: [], timeZone: 'Mars/Olympus' })).toEqual([['timeZone']]);
    expect(issuePaths({ rules: [rule('a', { to: 'everyone' })] })).toEqual([['rules', 0, 'to']]);
    expect(issuePaths({ rules: [rule('a', { caps: { perDay: 0 } })] })).toEqual([['rules', 0, 'caps', 'perDay']]);
    expect(issuePaths({ rules: [rule('a', { points: 1.5 })] })[0]).toEqual(['rules', 0, 'points']);
    expect(issuePaths({ rules: [rule('a', { unknown: 1 })] })[0]).toEqual(['rules', 0]);
  });

  it('keeps one item property per reversed rule', () => {
    const undo = (id: string, item: string) => ({ id, name: { en: id, zh: id }, when: { event: 'y' }, to: 'target', reverses: { rules: ['a'], item } });
    const input: PointsRuleSetInput = { rules: [rule('a', { ref: 'post_id' }), undo('u1', 'vote_id'), undo('u2', 'like_id')] } as PointsRuleSetInput;
    expect(issuePaths(input)).toEqual([['rules', 2, 'reverses', 'item']]);
  });
});
