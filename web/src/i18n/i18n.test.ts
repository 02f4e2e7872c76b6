/** The two languages must have the same keys, non-empty values and the same {{placeholders}} per key. */
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { flattenKeys } from './flattenKeys.ts';
import { zhCN } from './zh-CN.ts';

function lookup(obj: object, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj);
}
const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('console i18n', () => {
  const zhKeys = flattenKeys(zhCN);
  const enKeys = flattenKeys(en);

  it('zh-CN and en have identical key sets', () => {
    expect(enKeys).toEqual(zhKeys);
    expect(zhKeys.length).toBeGreaterThan(50);
  });

  it('every value is a non-empty string with the same placeholders in both languages', () => {
    for (const key of zhKeys) {
      const zh = lookup(zhCN, key);
      const e = lookup(en, key);
      expect(typeof zh, key).toBe('string');
      expect(typeof e, key).toBe('string');
      expect((zh as string).trim(), key).not.toBe('');
      expect((e as string).trim(), key).not.toBe('');
      expect(placeholders(e as string), key).toEqual(placeholders(zh as string));
    }
  });

  it('flattenKeys lists nested paths', () => {
    expect(flattenKeys({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual(['a.b', 'a.c.d', 'e']);
  });
});
