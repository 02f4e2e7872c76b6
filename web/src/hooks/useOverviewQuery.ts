/** GET /v1/stats/overview?days=N — live counts and the per-day series; polled every 10 s while `live`. */
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Overview } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';

export const OVERVIEW_POLL_MS = 10_000;

export function useOverviewQuery(days: number, opts: { live?: boolean } = {}): UseQueryResult<Overview> {
  const live = opts.live ?? true;
  return useQuery({
    queryKey: ['overview', days],
    queryFn: ({ signal }) => apiGet<Overview>('/v1/stats/overview', { days }, signal),
    refetchInterval: live ? OVERVIEW_POLL_MS : false,
    refetchIntervalInBackground: false,
    placeholderData: keepPreviousData,
    staleTime: live ? 0 : 60_000,
  });
}
