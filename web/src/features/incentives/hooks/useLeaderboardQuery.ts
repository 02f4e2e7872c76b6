/** GET /v1/gamification/leaderboards?board=&period=&day=&limit=&offset= — a board's top, paged with "load more". */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiGet } from '../../../api/client.ts';
import { INCENTIVES_KEY, type LeaderboardBody, type PeriodKind } from './types.ts';

export const LEADERBOARD_PAGE_SIZE = 50;

export interface LeaderboardParams {
  /** `all`, or `category:<name>`. */
  board: string;
  period: PeriodKind;
  /** A day in the wanted month/week/day (YYYY-MM-DD, in the rule set's zone); not sent for `all`. */
  day: string;
}

export function useLeaderboardQuery(p: LeaderboardParams) {
  const day = p.period === 'all' ? undefined : p.day;
  return useInfiniteQuery({
    queryKey: [INCENTIVES_KEY, 'leaderboard', p.board, p.period, day ?? null],
    queryFn: ({ pageParam, signal }) =>
      apiGet<LeaderboardBody>('/v1/gamification/leaderboards', { board: p.board, period: p.period, day, limit: LEADERBOARD_PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.rows.length === LEADERBOARD_PAGE_SIZE ? pages.length * LEADERBOARD_PAGE_SIZE : undefined),
    placeholderData: keepPreviousData,
  });
}
