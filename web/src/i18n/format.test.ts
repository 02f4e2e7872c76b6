/** Money in the smallest currency unit, microsecond timestamps and model parameters, as the console shows them. */
import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, formatSignificant, isoFromMicros } from './format.ts';

describe('console formatting', () => {
  it('shows fen/cents in the main unit with exactly 2 decimals', () => {
    expect(formatMoney('en-US', 277600)).toBe('2,776.00');
    expect(formatMoney('zh-CN', 490965.11)).toBe('4,909.65');
    expect(formatMoney('en-US', 5)).toBe('0.05');
  });

  it('reads the server’s microsecond timestamps', () => {
    expect(isoFromMicros(1_795_667_257_820_000)).toBe('2026-11-26T04:27:37.820Z');
  });

  it('rounds densities to one decimal and keeps small parameters readable', () => {
    expect(formatDecimal('en-US', 49.62, 1)).toBe('49.6');
    expect(formatDecimal('en-US', 100, 1)).toBe('100');
    expect(formatSignificant('en-US', 0.00007799531979, 4)).toBe('0.000078');
    expect(formatSignificant('en-US', 207195.62, 4)).toBe('207,200');
  });
});
