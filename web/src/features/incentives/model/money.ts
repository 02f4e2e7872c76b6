/**
 * Money for the payout report, exactly: the operator types the pool in the main unit (yuan, with at most two
 * decimals) and the API wants the smallest unit (fen) as an integer. Done on the digits, never through floating
 * point (0.29 × 100 is 28.999999999999996 in a double), and shown back from fen the same way.
 */

/** The largest amount the API accepts (fen): the pool must be a safe integer. */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;

export type YuanParse = { ok: true; fen: number } | { ok: false; problem: 'empty' | 'format' | 'decimals' | 'too_large' };

const AMOUNT = /^(\d+)(?:\.(\d*))?$/;

/** "1,000.03" / "1000.03" / "12" / "0.5" → fen; thousands separators and spaces are allowed, a sign is not. */
export function yuanToFen(text: string): YuanParse {
  const s = text.replace(/[\s,，]/g, '');
  if (s === '') return { ok: false, problem: 'empty' };
  const m = AMOUNT.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const frac = m[2] ?? '';
  if (frac.length > 2) return { ok: false, problem: 'decimals' };
  const fen = BigInt(m[1]!) * 100n + BigInt(frac.padEnd(2, '0') || '0');
  if (fen > BigInt(MAX_FEN)) return { ok: false, problem: 'too_large' };
  return { ok: true, fen: Number(fen) };
}

/** 100003 → "1000.03", 5 → "0.05", -120 → "-1.20": the exact decimal string of an amount in fen. */
export function fenToYuan(fen: number | bigint): `${number}` {
  const n = BigInt(fen);
  const sign = n < 0n ? '-' : '';
  const abs = n < 0n ? -n : n;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}` as `${number}`;
}

/** An amount in fen in the main unit with two decimals and the locale's grouping (exact for any safe integer). */
export function formatFen(locale: string, fen: number | bigint): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fenToYuan(fen));
}

/** A whole number given as a decimal string (the API's point totals may pass 2^53), with grouping. */
export function formatBigInteger(locale: string, digits: string): string {
  return /^-?\d+$/.test(digits) ? new Intl.NumberFormat(locale).format(BigInt(digits)) : digits;
}

/** A share "0.3550913838" (a decimal string) as a percentage with `places` decimals, without floating error. */
export function formatShare(locale: string, decimal: string, places = 2): string {
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: places, maximumFractionDigits: places }).format(decimal as `${number}`);
}
