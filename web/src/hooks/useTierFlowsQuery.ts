/** GET /v1/scoring/flows?kind=&runs= — tier sizes per scoring run (oldest first) and the moves between tiers. */
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { TierFlowBody } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';
import { SCORING_KEY } from './useMemberValueQuery.ts';

export type TierKind = 'lifecycle_tier' | 'communication_tier';
export interface TierFlows {
  kind: string;
  runs: TierFlowBody[];
}

export const FLOW_RUNS = 12;

export function useTierFlowsQuery(kind: TierKind): UseQueryResult<TierFlows> {
  return useQuery({
    queryKey: [SCORING_KEY, 'flows', kind],
    queryFn: ({ signal }) => apiGet<TierFlows>('/v1/scoring/flows', { kind, runs: FLOW_RUNS }, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
