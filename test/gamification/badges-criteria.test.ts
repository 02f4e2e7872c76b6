/** Badge definitions: what the schema accepts, its defaults, and errors that name the field path. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/index.ts';
import { badgeDefinition } from '../../src/gamification/badges/criteria.ts';
import { parseBadgeDefinitions } from '../../src/gamification/badges/parse.ts';
import { CREATOR_ZH_BADGES } from '../../src/gamification/presets/creator-zh/badges.ts';
import { STACK_EXCHANGE_BADGES } from '../../src/gamification/presets/stackexchange/badges.ts';

const base = { id: 'c10', name: { en: 'Commentator', zh: '评论员' }, description: { en: 'Left 10 comments.', zh: '发表了 10 条评论。' }, class: 'bronze' };

/** The first issue's path and message of an invalid definition. */
function firstIssue(input: unknown): { path: (string | number)[]; message: string } {
  const r = badgeDefinition.safeParse(input);
  if (r.success) throw new Error('expected the definition to be rejected');
  const i = r.error.issues[0]!;
  return { path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message };
}

describe('badge definitions', () => {
  it('fills the defaults: single grant, actor role, no conditions, post_id items', () => {
    const d = badgeDefinition.parse({ ...base, criterion: { kind: 'count', events: ['comment_posted'], n: 10 } });
    expect(d.multiple).toBe(false);
    expect(d.criterion).toEqual({ kind: 'count', events: ['comment_posted'], n: 10, role: 'actor', where: [] });
    const c = badgeDefinition.parse({ ...base, criterion: { kind: 'content', item: { events: ['answer_posted'] }, metric: { kind: 'latest', property: 'view_count' }, atLeast: 1000 } });
    expect(c.criterion).toMatchObject({ item: { key: 'post_id', where: [] }, requires: [], metric: { events: [] } });
    const a = badgeDefinition.parse({ ...base, criterion: { kind: 'accepted' } });
    expect(a.criterion).toEqual({ kind: 'accepted', events: ['answer_accepted'], n: 1, where: [] });
  });

  it.each([
    ['a missing threshold', { kind: 'count', events: ['comment_posted'] }, ['criterion', 'n']],
    ['an unknown kind', { kind: 'sometimes', events: ['x'] }, ['criterion', 'kind']],
    ['an empty event list', { kind: 'first', events: [] }, ['criterion', 'events']],
    ['a fractional count', { kind: 'count', events: ['x'], n: 2.5 }, ['criterion', 'n']],
    ['a one-day streak', { kind: 'streak', events: ['check_in'], days: 1 }, ['criterion', 'days']],
    ['a numeric comparison with a string', { kind: 'first', events: ['x'], where: [{ property: 'amount', op: 'gte', value: 'ten' }] }, ['criterion', 'where', 0, 'value']],
    ['a bad property name', { kind: 'first', events: ['x'], where: [{ property: 'a.b', op: 'exists' }] }, ['criterion', 'where', 0, 'property']],
    ['has_text with a value', { kind: 'first', events: ['x'], where: [{ property: 'bio', op: 'has_text', value: 'x' }] }, ['criterion', 'where', 0, 'value']],
    ['a missing metric', { kind: 'content', item: { events: ['post_created'] }, atLeast: 10 }, ['criterion', 'metric']],
    ['delta and property together', { kind: 'content', item: { events: ['p'] }, metric: { kind: 'sum', events: [{ event: 'tip', delta: 1, property: 'amount' }] }, atLeast: 10 }, ['criterion', 'metric', 'events', 0, 'property']],
    ['a negative age gap', { kind: 'content', item: { events: ['a'] }, metric: { kind: 'sum', events: [{ event: 'up' }] }, atLeast: 1, parent: { events: ['q'], afterDays: -1 } }, ['criterion', 'parent', 'afterDays']],
  ])('rejects %s at its path', (_, criterion, path) => {
    expect(firstIssue({ ...base, criterion }).path).toEqual(path);
  });

  it('rejects a bad slug, a missing translation and a multiple-grant first', () => {
    expect(firstIssue({ ...base, id: 'Nice Answer', criterion: { kind: 'first', events: ['x'] } }).path).toEqual(['id']);
    expect(firstIssue({ ...base, name: { en: 'x' }, criterion: { kind: 'first', events: ['x'] } }).path).toEqual(['name', 'zh']);
    expect(firstIssue({ ...base, multiple: true, criterion: { kind: 'first', events: ['x'] } })).toEqual({ path: ['multiple'], message: "a 'first' badge is granted once" });
  });

  it('parseBadgeDefinitions throws an invalid_request AppError naming the full field path', () => {
    const ok = { ...base, criterion: { kind: 'first', events: ['x'] } };
    const cases: [unknown, string][] = [
      [[ok, { ...base, id: 'c2', criterion: { kind: 'count', events: ['x'], n: 0 } }], 'badges.1.criterion.n'],
      [[ok, ok], 'badges.1.id'],
      [[{ ...ok, colour: 'red' }], 'badges.0.colour'],
    ];
    for (const [input, field] of cases) {
      let caught: unknown;
      try {
        parseBadgeDefinitions(input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('invalid_request');
      expect((caught as AppError).field).toBe(field);
      expect((caught as AppError).message.startsWith(`${field}: `)).toBe(true);
    }
  });

  it('the presets are valid, with unique ids and both languages', () => {
    for (const preset of [STACK_EXCHANGE_BADGES, CREATOR_ZH_BADGES]) {
      expect(new Set(preset.map((b) => b.id)).size).toBe(preset.length);
      for (const b of preset) expect(b.name.zh.length * b.name.en.length * b.description.zh.length * b.description.en.length).toBeGreaterThan(0);
    }
    expect(STACK_EXCHANGE_BADGES.map((b) => b.name.en)).toEqual([
      'Student', 'Teacher', 'Scholar', 'Nice Question', 'Good Question', 'Great Question', 'Nice Answer', 'Good Answer', 'Great Answer',
      'Self-Learner', 'Enlightened', 'Guru', 'Necromancer', 'Popular Question', 'Notable Question', 'Famous Question', 'Autobiographer',
      'Commentator', 'Editor',
    ]);
  });
});
