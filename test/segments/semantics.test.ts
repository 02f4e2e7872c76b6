/**
 * Hand-written cases for every node kind and for the missing/NULL/type rules of README.md, each checked on a real
 * in-memory DuckDB (compiled SQL) and with the in-memory evaluator against the same expected members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICROS_PER_DAY, type SegmentNode } from '../../src/segments/index.ts';
import { openColumnStore, type ColumnStore } from '../../src/store/index.ts';
import { insertEvents, insertMembers, selectBySql, selectInMemory, type TestEvent, type TestMember } from './db.ts';

const WS = 1;
const OTHER_WS = 2;
const AS_OF = Date.UTC(2024, 5, 1) * 1000;
const DAY = MICROS_PER_DAY;

const members: TestMember[] = [
  {
    id: 1,
    traits: {
      city: '上海',
      age: 30,
      vip: true,
      code: '5',
      five: 5,
      ratio: -1.5,
      quote: `O'Brien said "hi"`,
      nothing: null,
      tags: ['a', 'b'],
      address: { country: 'CN', zip: '200000' },
      big: 1e20,
    },
    scores: { recency_days: 3.5, frequency: 12, monetary: 5000, r_score: 5, f_score: 4, p_alive: 0.92, clv: 120.5 },
    tiers: { lifecycle_tier: 'active', rfm_segment: 'champions', rfm_code: '545', communication_tier: '高' },
  },
  {
    id: 2,
    traits: { city: 'Beijing', age: '30', vip: false, code: 5, five: '5', ratio: 2, address: 'CN', nothing: 0 },
    scores: { recency_days: 40, frequency: 1, monetary: 0, r_score: 1, p_alive: Number.NaN, clv: null },
    tiers: { lifecycle_tier: 'at_risk', rfm_segment: null, rfm_code: '111' },
  },
  { id: 3, traits: {}, scores: {}, tiers: {} },
  {
    id: 4,
    traits: { city: 'shanghai 上海 pudong', age: 5, address: { country: 'US', city: { name: 'NYC' } }, tags: 'a', '0': 'zero' },
    scores: { recency_days: 0, frequency: 0, monetary: null, r_score: 3, clv: -2 },
    tiers: { lifecycle_tier: 'new' },
  },
];

const events: TestEvent[] = [
  { name: 'post', ts: AS_OF, actor: 1, target: null },
  { name: 'post', ts: AS_OF - 7 * DAY, actor: 1, target: null }, // on the 7-day boundary: outside it
  { name: 'post', ts: AS_OF - 7 * DAY + 1, actor: 1, target: null },
  { name: 'post', ts: AS_OF + 1, actor: 1, target: null }, // after asOf
  { name: 'post', ts: AS_OF - DAY, actor: 2, target: null },
  { name: 'reply', ts: AS_OF - 2 * DAY, actor: 1, target: 2 },
  { name: 'reply', ts: AS_OF - 3 * DAY, actor: 4, target: 4 },
  { name: 'post', ts: AS_OF - DAY, actor: 3, target: null, type: 'merge' }, // bookkeeping never counts
  { name: 'post', ts: AS_OF, actor: null, target: null },
  { name: 'Post', ts: AS_OF, actor: 4, target: null }, // names are case-sensitive
];

// Same member ids in another workspace: nothing here may leak into workspace 1's answers.
const otherMembers: TestMember[] = [
  { id: 1, traits: { city: 'Beijing' }, scores: {}, tiers: {} },
  { id: 9, traits: { city: '上海' }, scores: {}, tiers: {} },
];
const otherEvents: TestEvent[] = [1, 2, 3].map(() => ({ name: 'post', ts: AS_OF, actor: 2, target: null }));

const trait = (path: string, op: string, value?: unknown) => ({ kind: 'trait', path, op, ...(value === undefined ? {} : { value }) }) as SegmentNode;
const score = (name: string, op: string, value?: number) => ({ kind: 'score', score: name, op, ...(value === undefined ? {} : { value }) }) as SegmentNode;
const tier = (name: string, op: string, value: string | string[]) => ({ kind: 'tier', tier: name, op, value }) as SegmentNode;
const count = (event: string, windowDays: number, op: string, value: number, role?: 'actor' | 'target') =>
  ({ kind: 'event_count', event, windowDays, op, value, ...(role ? { role } : {}) }) as SegmentNode;
const not = (of: SegmentNode): SegmentNode => ({ kind: 'not', of });
const and = (...of: SegmentNode[]): SegmentNode => ({ kind: 'and', of });
const or = (...of: SegmentNode[]): SegmentNode => ({ kind: 'or', of });

const cases: [string, SegmentNode, number[]][] = [
  // traits: equality by JSON type and value
  ['string eq, Chinese', trait('city', 'eq', '上海'), [1]],
  ['string eq with both quote kinds', trait('quote', 'eq', `O'Brien said "hi"`), [1]],
  ['number eq never matches a numeric string', trait('age', 'eq', 30), [1]],
  ['string eq never matches a number', trait('age', 'eq', '30'), [2]],
  ['number 5 vs string "5"', trait('code', 'eq', 5), [2]],
  ['string "5" vs number 5', trait('code', 'eq', '5'), [1]],
  ['boolean eq true', trait('vip', 'eq', true), [1]],
  ['boolean eq false', trait('vip', 'eq', false), [2]],
  ['boolean is not the string "true"', trait('vip', 'eq', 'true'), []],
  ['negative decimal eq', trait('ratio', 'eq', -1.5), [1]],
  ['a number beyond int64 compares as a double', trait('big', 'eq', 1e20), [1]],
  ['in with a number', trait('five', 'in', [5]), [1]],
  ['in with a string', trait('five', 'in', ['5']), [2]],
  ['in with both', trait('five', 'in', ['5', 5]), [1, 2]],
  // traits: neq and not on missing values
  ['neq on a boolean skips members without it', trait('vip', 'neq', true), [2]],
  ['not(eq) includes members without it', not(trait('vip', 'eq', true)), [2, 3, 4]],
  ['neq is false on a missing trait', trait('city', 'neq', '上海'), [2, 4]],
  ['not(neq) is true on a missing trait', not(trait('city', 'neq', '上海')), [1, 3]],
  ['neq across types is true', trait('code', 'neq', 5), [1]],
  ['neq on an object or array is true', trait('address', 'neq', 'CN'), [1, 4]],
  // traits: JSON null is missing
  ['exists: null is missing, 0 is present', trait('nothing', 'exists'), [2]],
  ['not exists', not(trait('nothing', 'exists')), [1, 3, 4]],
  ['neq on a null trait is false', trait('nothing', 'neq', 1), [2]],
  // traits: ordering only between numbers
  ['gt ignores numeric strings', trait('age', 'gt', 10), [1]],
  ['lte', trait('age', 'lte', 5), [4]],
  ['lt on negatives', trait('ratio', 'lt', 0), [1]],
  ['gte with a decimal', trait('ratio', 'gte', -1.5), [1, 2]],
  ['gt beyond int64', trait('big', 'gt', 1e19), [1]],
  // traits: contains
  ['contains Chinese', trait('city', 'contains', '上海'), [1, 4]],
  ['contains is case-sensitive', trait('city', 'contains', 'Shang'), []],
  ['contains lower case', trait('city', 'contains', 'shang'), [4]],
  ['contains a double quote', trait('quote', 'contains', '"hi"'), [1]],
  ['contains a single quote', trait('quote', 'contains', "'"), [1]],
  ['contains "" matches every string', trait('city', 'contains', ''), [1, 2, 4]],
  ['contains never looks inside arrays', trait('tags', 'contains', 'a'), [4]],
  ['% is not a wildcard', trait('city', 'contains', '%'), []],
  // traits: nested paths
  ['nested eq', trait('address.country', 'eq', 'CN'), [1]],
  ['nested exists skips non-objects', trait('address.country', 'exists'), [1, 4]],
  ['object, string and array all exist', trait('address', 'exists'), [1, 2, 4]],
  ['three levels', trait('address.city.name', 'eq', 'NYC'), [4]],
  ['a numeric key is a key', trait('0', 'eq', 'zero'), [4]],
  ['arrays are not indexed', trait('tags.0', 'exists'), []],
  ['prototype properties are not traits', trait('constructor', 'exists'), []],
  // scores
  ['score lt', score('recency_days', 'lt', 5), [1, 4]],
  ['score exists', score('recency_days', 'exists'), [1, 2, 4]],
  ['not(score exists)', not(score('recency_days', 'exists')), [3]],
  ['score neq is false when missing', score('recency_days', 'neq', 3.5), [2, 4]],
  ['score eq 0', score('frequency', 'eq', 0), [4]],
  ['score gte on BIGINT', score('frequency', 'gte', 1), [1, 2]],
  ['explicit null score is missing', score('monetary', 'exists'), [1, 2]],
  ['NaN score is missing', score('p_alive', 'exists'), [1]],
  ['NaN never compares', score('p_alive', 'lt', 1), [1]],
  ['not of a comparison on NaN/missing', not(score('p_alive', 'gt', 0.5)), [2, 3, 4]],
  ['negative score', score('clv', 'lt', 0), [4]],
  ['score neq with null and missing', score('clv', 'neq', 0), [1, 4]],
  ['TINYINT score', score('r_score', 'gte', 3), [1, 4]],
  // tiers
  ['tier eq', tier('lifecycle_tier', 'eq', 'active'), [1]],
  ['tier neq is false when missing', tier('lifecycle_tier', 'neq', 'active'), [2, 4]],
  ['tier in', tier('lifecycle_tier', 'in', ['active', 'new']), [1, 4]],
  ['tier neq with null', tier('rfm_segment', 'neq', 'champions'), []],
  ['not(tier eq) includes null and missing', not(tier('rfm_segment', 'eq', 'champions')), [2, 3, 4]],
  ['Chinese tier value', tier('communication_tier', 'eq', '高'), [1]],
  ['rfm_code in', tier('rfm_code', 'in', ['545', '111']), [1, 2]],
  // event counts: (asOf - window, asOf], actor by default, merge/unmerge excluded, other workspace excluded
  ['count gte', count('post', 7, 'gte', 2), [1]],
  ['7-day boundary excluded, asOf included, future excluded', count('post', 7, 'eq', 2), [1]],
  ['30 days', count('post', 30, 'eq', 3), [1]],
  ['1 day', count('post', 1, 'eq', 1), [1]],
  ['zero counts include members without events', count('post', 1, 'eq', 0), [2, 3, 4]],
  ['merge rows, other names and other workspaces never count', count('post', 7, 'eq', 1), [2]],
  ['lt 1', count('post', 7, 'lt', 1), [3, 4]],
  ['actor role', count('reply', 7, 'gte', 1), [1, 4]],
  ['target role', count('reply', 7, 'gte', 1, 'target'), [2, 4]],
  ['neq 0 as target', count('reply', 7, 'neq', 0, 'target'), [2, 4]],
  ['outside a short window', count('reply', 1, 'gte', 1), []],
  ['case-sensitive name', count('Post', 7, 'eq', 1), [4]],
  // logic
  ['and', and(trait('city', 'contains', '上海'), trait('age', 'gt', 10)), [1]],
  ['or', or(trait('city', 'contains', '上海'), trait('age', 'gt', 10)), [1, 4]],
  ['not(and)', not(and(trait('city', 'contains', '上海'), trait('age', 'gt', 10))), [2, 3, 4]],
  [
    'mixed kinds',
    or(and(count('post', 7, 'gte', 1), not(tier('lifecycle_tier', 'eq', 'active'))), and(score('clv', 'lt', 0), trait('tags', 'eq', 'a'))),
    [2, 4],
  ],
  ['the same count twice', and(count('post', 7, 'gte', 1), count('post', 7, 'lte', 1)), [2]],
  ['one child', and(trait('vip', 'exists')), [1, 2]],
];

describe('segment semantics on DuckDB and in memory', () => {
  let cs: ColumnStore;

  beforeAll(async () => {
    cs = await openColumnStore(':memory:');
    await insertMembers(cs, WS, members);
    await insertEvents(cs, WS, events);
    await insertMembers(cs, OTHER_WS, otherMembers);
    await insertEvents(cs, OTHER_WS, otherEvents);
  });
  afterAll(async () => {
    await cs.close();
  });

  it.each(cases)('%s', async (_name, node, expected) => {
    expect(await selectBySql(cs, node, WS, AS_OF)).toEqual(expected);
    expect(selectInMemory(node, members, events, AS_OF)).toEqual(expected);
  });

  it('answers only for the workspace asked', async () => {
    expect(await selectBySql(cs, trait('city', 'eq', '上海'), OTHER_WS, AS_OF)).toEqual([9]);
    expect(await selectBySql(cs, trait('city', 'eq', 'Beijing'), WS, AS_OF)).toEqual([2]);
    expect(await selectBySql(cs, count('post', 1, 'eq', 3), OTHER_WS, AS_OF)).toEqual([]);
  });

  it('moves the window with asOf', async () => {
    // One microsecond later the future post is in and nothing else changes; one earlier, member 2's post is in.
    const cases: [number, SegmentNode, number[]][] = [
      [AS_OF + 1, count('post', 1, 'eq', 2), [1]],
      [AS_OF - 1, count('post', 1, 'eq', 1), [2]],
    ];
    for (const [asOf, node, expected] of cases) {
      expect(await selectBySql(cs, node, WS, asOf)).toEqual(expected);
      expect(selectInMemory(node, members, events, asOf)).toEqual(expected);
    }
  });
});
