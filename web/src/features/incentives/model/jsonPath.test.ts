/** The editor finds the server's field path in the configuration text. */
import { describe, expect, it } from 'vitest';
import { configPath, locateJsonPath } from './jsonPath.ts';

const CONFIG = {
  preset: 'creator-zh',
  points: {
    floor: 0,
    rules: [
      { id: 'post_created', name: { en: 'Published a post', zh: '发帖 "引号"' }, caps: { perDay: 25 } },
      { id: 'comment_created', caps: { perDay: -5 }, when: { event: ['a', 'b'] } },
    ],
  },
  badges: [],
};

describe('locateJsonPath', () => {
  const text = JSON.stringify(CONFIG, null, 2);

  it('finds a nested value and its line', () => {
    const span = locateJsonPath(text, configPath('config.points.rules.1.caps.perDay'))!;
    expect(span.exact).toBe(true);
    expect(text.slice(span.start, span.end)).toBe('-5');
    expect(text.split('\n')[span.line - 1]).toContain('"perDay": -5');
  });

  it('finds objects, arrays and strings with escapes before the wanted key', () => {
    const rule = locateJsonPath(text, ['points', 'rules', '1'])!;
    expect(JSON.parse(text.slice(rule.start, rule.end))).toEqual(CONFIG.points.rules[1]);
    const ev = locateJsonPath(text, ['points', 'rules', '1', 'when', 'event', '1'])!;
    expect(text.slice(ev.start, ev.end)).toBe('"b"');
    expect(text.slice(locateJsonPath(text, ['badges'])!.start, locateJsonPath(text, ['badges'])!.end)).toBe('[]');
  });

  it('falls back to the deepest part that exists', () => {
    const span = locateJsonPath(text, ['points', 'rules', '0', 'points'])!;
    expect(span.exact).toBe(false);
    expect(span.found).toEqual(['points', 'rules', '0']);
    expect(JSON.parse(text.slice(span.start, span.end))).toEqual(CONFIG.points.rules[0]);
    expect(locateJsonPath(text, ['points', 'rules', '9'])!.found).toEqual(['points', 'rules']);
  });

  it('works on compact text and says nothing for invalid JSON', () => {
    const compact = JSON.stringify(CONFIG);
    const span = locateJsonPath(compact, ['points', 'floor'])!;
    expect(compact.slice(span.start, span.end)).toBe('0');
    expect(span.line).toBe(1);
    expect(locateJsonPath('{"a": [1,}', ['a'])).toBeNull();
  });

  it('drops the request field prefix of the server path', () => {
    expect(configPath('config.points.rules.0.caps.perDay')).toEqual(['points', 'rules', '0', 'caps', 'perDay']);
    expect(configPath('config')).toEqual([]);
    expect(configPath('note')).toEqual(['note']);
  });
});
