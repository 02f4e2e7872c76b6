/** GET /v1/scoring/overview — the latest scoring report with its rules, the RFM grid and the lifetime-value histogram. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MemberValueBody } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';

/** Every scoring query starts with this key, so a new run refreshes them all at once. */
export const SCORING_KEY = 'scoring';

export function useMemberValueQuery(): UseQueryResult<MemberValueBody> {
  return useQuery({
    queryKey: [SCORING_KEY, 'overview'],
    queryFn: ({ signal }) => apiGet<MemberValueBody>('/v1/scoring/overview', undefined, signal),
    staleTime: 60_000,
  });
}
