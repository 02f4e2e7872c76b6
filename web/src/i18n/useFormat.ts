/** The formatting functions bound to the current UI language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './index.ts';
import { formatDateTime, formatDay, formatDecimal, formatMoney, formatNumber, formatPercent, formatSignificant, formatTime } from './format.ts';

export interface Formatters {
  locale: string;
  number(n: number): string;
  percent(ratio: number): string;
  /** At most `maxDigits` decimals. */
  decimal(n: number, maxDigits: number): string;
  /** Smallest currency unit (fen, cents) shown in the main unit with 2 decimals. */
  money(minorUnits: number): string;
  /** `digits` significant digits. */
  significant(n: number, digits: number): string;
  dateTime(iso: string | null | undefined, timeZone: string): string | null;
  time(iso: string | null | undefined, timeZone: string): string | null;
  day(day: string, withYear?: boolean): string;
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = currentLanguage(i18n.language) === 'en' ? 'en-US' : 'zh-CN';
  return useMemo(
    () => ({
      locale,
      number: (n) => formatNumber(locale, n),
      percent: (r) => formatPercent(locale, r),
      decimal: (n, d) => formatDecimal(locale, n, d),
      money: (m) => formatMoney(locale, m),
      significant: (n, d) => formatSignificant(locale, n, d),
      dateTime: (iso, tz) => formatDateTime(locale, iso, tz),
      time: (iso, tz) => formatTime(locale, iso, tz),
      day: (d, withYear) => formatDay(locale, d, withYear),
    }),
    [locale],
  );
}
