/** Yuan typed by an operator become exact fen, and fen are shown back exactly. */
import { describe, expect, it } from 'vitest';
import { fenToYuan, formatBigInteger, formatFen, formatShare, MAX_FEN, yuanToFen } from './money.ts';

describe('yuanToFen', () => {
  it('converts on the digits, without floating error', () => {
    expect(yuanToFen('0.29')).toEqual({ ok: true, fen: 29 });
    expect(yuanToFen('1.1')).toEqual({ ok: true, fen: 110 });
    expect(yuanToFen('1,000.03')).toEqual({ ok: true, fen: 100003 });
    expect(yuanToFen(' 12 ')).toEqual({ ok: true, fen: 1200 });
    expect(yuanToFen('12.')).toEqual({ ok: true, fen: 1200 });
    expect(yuanToFen('0')).toEqual({ ok: true, fen: 0 });
    expect(yuanToFen('90071992547409.91')).toEqual({ ok: true, fen: MAX_FEN });
    // every cent from 0.00 to 9.99 comes out as an integer equal to its digits
    for (let c = 0; c < 1000; c++) {
      const text = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
      expect(yuanToFen(text)).toEqual({ ok: true, fen: c });
    }
  });

  it('refuses what is not an amount in the main unit', () => {
    expect(yuanToFen('')).toEqual({ ok: false, problem: 'empty' });
    expect(yuanToFen('-1')).toEqual({ ok: false, problem: 'format' });
    expect(yuanToFen('1e3')).toEqual({ ok: false, problem: 'format' });
    expect(yuanToFen('.5')).toEqual({ ok: false, problem: 'format' });
    expect(yuanToFen('1.005')).toEqual({ ok: false, problem: 'decimals' });
    expect(yuanToFen('90071992547409.92')).toEqual({ ok: false, problem: 'too_large' });
  });
});

describe('fen shown in the main unit', () => {
  it('is exact', () => {
    expect(fenToYuan(100003)).toBe('1000.03');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-120)).toBe('-1.20');
    expect(fenToYuan(MAX_FEN)).toBe('90071992547409.91');
    expect(formatFen('en-US', 100003)).toBe('1,000.03');
    expect(formatFen('zh-CN', MAX_FEN)).toBe('90,071,992,547,409.91');
  });

  it('formats big point totals and shares', () => {
    expect(formatBigInteger('en-US', '12345678901234567890')).toBe('12,345,678,901,234,567,890');
    expect(formatShare('en-US', '0.3550913838')).toBe('35.51%');
    expect(formatShare('zh-CN', '1.0000000000')).toBe('100.00%');
  });
});
