/** Local checks of the definition editor's text, before anything is sent. */
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, parseDefinitionText, SEGMENT_KEY } from './definitionText.ts';

describe('parseDefinitionText', () => {
  it('accepts a JSON object', () => {
    expect(parseDefinitionText('{"kind":"score","score":"clv","op":"exists"}')).toEqual({
      ok: true,
      definition: { kind: 'score', score: 'clv', op: 'exists' },
    });
  });

  it('reports empty text and non-objects', () => {
    expect(parseDefinitionText('  ')).toEqual({ ok: false, problem: 'empty' });
    expect(parseDefinitionText('[1]')).toEqual({ ok: false, problem: 'not_object' });
    expect(parseDefinitionText('"x"')).toEqual({ ok: false, problem: 'not_object' });
  });

  it('places a syntax error at its line and column, naming what was found', () => {
    const bad = parseDefinitionText('{\n  "kind": "and",\n  "of": [,]\n}');
    expect(bad).toMatchObject({ ok: false, problem: 'syntax', at: { line: 3, column: 10, found: ',' } });
    expect(parseDefinitionText('{"kind": "and"')).toMatchObject({ problem: 'syntax', at: { line: 1, column: 15, found: null } });
    expect(parseDefinitionText("{'kind': 1}")).toMatchObject({ problem: 'syntax', at: { line: 1, column: 2, found: "'" } });
  });
});

describe('jsonErrorOffset', () => {
  it('is null exactly when JSON.parse accepts the text', () => {
    const samples = [
      '{}',
      ' [1, -2.5e3, true, false, null, "a\\"b\\u00e9\\n"] ',
      '{"a": {"b": [[], {}]}}',
      '{"a": 01}',
      '{"a": 1,}',
      '[1 2]',
      '"\\x"',
      '"\\u12G4"',
      '{"a" 1}',
      'tru',
      '-',
      '{"a": 1} x',
      '"line\nbreak"',
      '',
    ];
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(jsonErrorOffset(s) === null, JSON.stringify(s)).toBe(valid);
    }
  });

  it('points at the first wrong character', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1 2]')).toBe(3);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('"\\x"')).toBe(2);
    expect(jsonErrorOffset('{"a": [')).toBe(7);
  });

  it('gives up quietly on absurd nesting', () => {
    expect(jsonErrorOffset('['.repeat(10_000))).toBeNull();
  });
});

describe('SEGMENT_KEY', () => {
  it('matches the keys the server accepts', () => {
    for (const ok of ['vip', 'at-risk_2', '9lives', 'a'.repeat(64)]) expect(SEGMENT_KEY.test(ok), ok).toBe(true);
    for (const bad of ['', 'VIP', '-x', 'a b', 'a'.repeat(65), '分群']) expect(SEGMENT_KEY.test(bad), bad).toBe(false);
  });
});
