/** The shape of the compiled SQL: bound values only, and one grouped aggregate per distinct event count. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSegment, type SegmentNode } from '../../src/segments/index.ts';
import { openColumnStore, type ColumnStore } from '../../src/store/index.ts';
import { insertEvents, insertMembers, selectBySql } from './db.ts';

const AS_OF = Date.UTC(2024, 5, 1) * 1000;
const HOSTILE = `'); DROP TABLE member_scores; --"`;

describe('compileSegment', () => {
  let cs: ColumnStore;
  beforeAll(async () => {
    cs = await openColumnStore(':memory:');
  });
  afterAll(async () => {
    await cs.close();
  });

  it('binds every user value as a parameter', async () => {
    const node: SegmentNode = {
      kind: 'or',
      of: [
        { kind: 'trait', path: 'note', op: 'eq', value: HOSTILE },
        { kind: 'trait', path: 'note', op: 'contains', value: HOSTILE },
        { kind: 'trait', path: 'note', op: 'in', value: [HOSTILE, 12345.5] },
        { kind: 'tier', tier: 'rfm_segment', op: 'in', value: [HOSTILE] },
        { kind: 'event_count', event: HOSTILE, windowDays: 7, op: 'gte', value: 1 },
        { kind: 'score', score: 'clv', op: 'gt', value: 987654.25 },
      ],
    };
    const { sql, params } = compileSegment(node, { workspaceId: 7, asOf: AS_OF });
    expect(sql).not.toContain('DROP');
    expect(sql).not.toContain('12345.5');
    expect(sql).not.toContain('987654.25');
    expect(sql).toMatch(/^WITH ec0 AS/);
    expect(params[0]).toBe(7);
    expect(params.filter((p) => p === HOSTILE)).toHaveLength(5);

    await insertMembers(cs, 7, [{ id: 1, traits: { note: HOSTILE }, scores: {}, tiers: {} }]);
    await insertEvents(cs, 7, [{ name: HOSTILE, ts: AS_OF, actor: 2, target: null }]);
    await insertMembers(cs, 7, [{ id: 2, traits: {}, scores: {}, tiers: {} }]);
    expect(await selectBySql(cs, node, 7, AS_OF)).toEqual([1, 2]);
  });

  it('aggregates each distinct (event, window, role) once, with no subquery per member', () => {
    const count = (event: string, windowDays: number, role?: 'actor' | 'target'): SegmentNode => ({
      kind: 'event_count',
      event,
      windowDays,
      op: 'gte',
      value: 1,
      ...(role ? { role } : {}),
    });
    const node: SegmentNode = {
      kind: 'and',
      of: [count('post', 7), count('post', 7, 'actor'), { kind: 'not', of: count('post', 7) }, count('post', 30), count('post', 7, 'target'), count('reply', 7)],
    };
    const { sql } = compileSegment(node, { workspaceId: 1, asOf: AS_OF });
    expect(sql.match(/ AS \(/g)).toHaveLength(4);
    expect(sql.match(/GROUP BY/g)).toHaveLength(4);
    expect(sql.match(/LEFT JOIN/g)).toHaveLength(4);
    expect(sql).toContain('GROUP BY target_member_id');
    // The only SELECTs are the CTEs and the outer query: nothing is evaluated per member row.
    expect(sql.match(/SELECT/g)).toHaveLength(5);
  });

  it('rejects a context that would not bind to integers', () => {
    const node: SegmentNode = { kind: 'trait', path: 'a', op: 'exists' };
    expect(() => compileSegment(node, { workspaceId: 1.5, asOf: AS_OF })).toThrow(/workspaceId/);
    expect(() => compileSegment(node, { workspaceId: 1, asOf: AS_OF + 0.5 })).toThrow(/asOf/);
  });
});
