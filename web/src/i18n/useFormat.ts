/** The formatting functions bound to the current UI language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './index.ts';
import { formatDateTime, formatDay, formatNumber, formatPercent, formatTime } from './format.ts';

export interface Formatters {
  locale: string;
  number(n: number): string;
  percent(ratio: number): string;
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
      dateTime: (iso, tz) => formatDateTime(locale, iso, tz),
      time: (iso, tz) => formatTime(locale, iso, tz),
      day: (d, withYear) => formatDay(locale, d, withYear),
    }),
    [locale],
  );
}
