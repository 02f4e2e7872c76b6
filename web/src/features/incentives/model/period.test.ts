/** Period keys of the leaderboards API and the days they cover. */
import { describe, expect, it } from 'vitest';
import { monthStart, parsePeriodKey } from './period.ts';

describe('parsePeriodKey', () => {
  it('gives the days of a month, an ISO week and a day', () => {
    expect(parsePeriodKey('all')).toEqual({ kind: 'all' });
    expect(parsePeriodKey('month:2026-02')).toEqual({ kind: 'month', month: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(parsePeriodKey('month:2028-02')).toMatchObject({ to: '2028-02-29' });
    expect(parsePeriodKey('week:2026-12-28')).toEqual({ kind: 'week', from: '2026-12-28', to: '2027-01-03' });
    expect(parsePeriodKey('day:2026-11-26')).toEqual({ kind: 'day', day: '2026-11-26' });
    expect(parsePeriodKey('season:3')).toEqual({ kind: 'unknown', key: 'season:3' });
    expect(monthStart('2026-11-26')).toBe('2026-11-01');
  });
});
