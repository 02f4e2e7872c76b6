/** The segment schema: what it accepts, what it rejects, and that every rejection names the offending field. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/index.ts';
import { compileSegment, MAX_CHILDREN, MAX_DEPTH, parseSegment, segmentNode } from '../../src/segments/index.ts';

const leaf = { kind: 'trait', path: 'city', op: 'exists' };

function nest(levels: number): unknown {
  let node: unknown = leaf;
  for (let i = 1; i < levels; i++) node = i % 2 ? { kind: 'not', of: node } : { kind: 'and', of: [leaf, node] };
  return node;
}

function rejection(input: unknown, field?: string): AppError {
  try {
    parseSegment(input, field);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected the segment to be rejected');
}

describe('segment schema', () => {
  it.each([
    ['trait exists', leaf],
    ['nested trait path', { kind: 'trait', path: 'address.country_code', op: 'eq', value: 'CN' }],
    ['trait in mixed', { kind: 'trait', path: 'age', op: 'in', value: [1, '1', -2.5] }],
    ['trait eq boolean', { kind: 'trait', path: 'vip', op: 'eq', value: false }],
    ['trait contains Chinese', { kind: 'trait', path: 'city', op: 'contains', value: '上海' }],
    ['score gt', { kind: 'score', score: 'p_alive', op: 'gt', value: 0.5 }],
    ['score exists', { kind: 'score', score: 'clv', op: 'exists' }],
    ['tier in', { kind: 'tier', tier: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] }],
    ['event_count target', { kind: 'event_count', event: 'reply', windowDays: 3650, op: 'gte', value: 0, role: 'target' }],
    ['depth 8 exactly', nest(MAX_DEPTH)],
    ['50 children', { kind: 'or', of: Array.from({ length: MAX_CHILDREN }, () => leaf) }],
  ])('accepts %s', (_name, input) => {
    expect(parseSegment(input)).toEqual(input);
  });

  it.each([
    ['gt with a string', { kind: 'and', of: [leaf, { kind: 'trait', path: 'age', op: 'gt', value: '5' }] }, 'of.1.value', "'gt' needs a number value"],
    ['in with a scalar', { kind: 'trait', path: 'age', op: 'in', value: 5 }, 'value', "'in' needs a list"],
    ['eq with a list', { kind: 'trait', path: 'age', op: 'eq', value: [5] }, 'value', "'eq' needs a string, number or boolean"],
    ['eq without a value', { kind: 'trait', path: 'age', op: 'eq' }, 'value', "'eq' needs"],
    ['exists with a value', { kind: 'not', of: { kind: 'trait', path: 'age', op: 'exists', value: 1 } }, 'of.value', "'exists' takes no value"],
    ['contains with a number', { kind: 'trait', path: 'name', op: 'contains', value: 5 }, 'value', "'contains' needs a string"],
    ['gt with a boolean', { kind: 'trait', path: 'vip', op: 'gt', value: true }, 'value', "'gt' needs a number"],
    ['booleans in a list', { kind: 'trait', path: 'vip', op: 'in', value: [true] }, 'value', 'list of 1 to 100 strings and numbers'],
    ['empty in list', { kind: 'trait', path: 'vip', op: 'in', value: [] }, 'value', ''],
    ['score without a value', { kind: 'or', of: [leaf, leaf, { kind: 'score', score: 'clv', op: 'lt' }] }, 'of.2.value', "'lt' needs a number"],
    ['score exists with a value', { kind: 'score', score: 'clv', op: 'exists', value: 1 }, 'value', "'exists' takes no value"],
    ['score contains', { kind: 'score', score: 'clv', op: 'contains', value: 1 }, 'op', ''],
    ['unknown score', { kind: 'score', score: 'karma', op: 'gt', value: 1 }, 'score', ''],
    ['tier eq with a list', { kind: 'tier', tier: 'rfm_code', op: 'eq', value: ['555'] }, 'value', "'eq' needs a string"],
    ['tier in with a string', { kind: 'tier', tier: 'rfm_code', op: 'in', value: '555' }, 'value', "'in' needs a list"],
    ['tier gt', { kind: 'tier', tier: 'rfm_code', op: 'gt', value: '555' }, 'op', ''],
    ['window 0 days', { kind: 'event_count', event: 'post', windowDays: 0, op: 'gt', value: 1 }, 'windowDays', ''],
    ['window over 10 years', { kind: 'event_count', event: 'post', windowDays: 3651, op: 'gt', value: 1 }, 'windowDays', ''],
    ['fractional count', { kind: 'event_count', event: 'post', windowDays: 7, op: 'gt', value: 1.5 }, 'value', ''],
    ['negative count', { kind: 'event_count', event: 'post', windowDays: 7, op: 'gt', value: -1 }, 'value', ''],
    ['empty event name', { kind: 'event_count', event: '', windowDays: 7, op: 'gt', value: 1 }, 'event', ''],
    ['unknown role', { kind: 'event_count', event: 'post', windowDays: 7, op: 'gt', value: 1, role: 'owner' }, 'role', ''],
    ['unknown kind', { kind: 'and', of: [leaf, { kind: 'regex', path: 'a' }] }, 'of.1.kind', 'unknown kind'],
    ['missing kind', { path: 'a', op: 'exists' }, 'kind', 'unknown kind'],
    ['unexpected key', { kind: 'trait', path: 'a', op: 'exists', vaule: 1 }, 'vaule', 'Unrecognized key'],
    ['path with a quote', { kind: 'trait', path: `a'b`, op: 'exists' }, 'path', 'dot path'],
    ['path with an empty segment', { kind: 'trait', path: 'a..b', op: 'exists' }, 'path', 'dot path'],
    ['path with a JSON path operator', { kind: 'trait', path: 'a[0]', op: 'exists' }, 'path', 'dot path'],
    ['overlong path', { kind: 'trait', path: 'a'.repeat(201), op: 'exists' }, 'path', ''],
    ['overlong string value', { kind: 'trait', path: 'a', op: 'eq', value: 'x'.repeat(1001) }, 'value', ''],
    ['lone surrogate', { kind: 'trait', path: 'a', op: 'eq', value: 'a\ud800' }, 'value', 'well-formed Unicode'],
    ['infinite number', { kind: 'score', score: 'clv', op: 'gt', value: Infinity }, 'value', ''],
    ['101 values in a list', { kind: 'tier', tier: 'rfm_code', op: 'in', value: Array.from({ length: 101 }, (_, i) => String(i)) }, 'value', ''],
    ['empty and', { kind: 'and', of: [] }, 'of', ''],
    ['51 children', { kind: 'and', of: Array.from({ length: 51 }, () => leaf) }, 'of', ''],
    ['not with a list', { kind: 'not', of: [leaf] }, 'of', ''],
    ['depth 9', nest(MAX_DEPTH + 1), 'of.1.of.of.1.of.of.1.of.of.1.of', `nested deeper than ${MAX_DEPTH} levels`],
  ])('rejects %s, naming %s', (_name, input, field, message) => {
    const err = rejection(input);
    expect(err.code).toBe('invalid_request');
    expect(err.field).toBe(field);
    expect(err.message).toContain(`${field}: `);
    expect(err.message).toContain(message);
  });

  it('prefixes the field when the segment is part of a larger body', () => {
    const err = rejection({ kind: 'or', of: [leaf, { kind: 'score', score: 'clv', op: 'gt', value: 'x' }] }, 'definition');
    expect(err.field).toBe('definition.of.1.value');
    expect(err.message).toMatch(/^definition\.of\.1\.value: /);
  });

  it('rejects a hostile 100 000-level document without walking it', () => {
    let node: unknown = leaf;
    for (let i = 0; i < 100_000; i++) node = { kind: 'not', of: node };
    expect(rejection(node).message).toContain('nested deeper');
  });

  it('is also usable as a plain zod schema', () => {
    const r = segmentNode.safeParse({ kind: 'trait', path: 'age', op: 'lt', value: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['value']);
  });

  it('is enforced again by the compiler, whose input may come from storage', () => {
    const forged = { kind: 'trait', path: `x') OR true --`, op: 'exists' } as never;
    expect(() => compileSegment(forged, { workspaceId: 1, asOf: 0 })).toThrow(/path: /);
  });
});
