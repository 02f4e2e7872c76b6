/** GET /v1/members/:id/scores — one member's scores from the latest run (`scores: null` before they were scored). */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MemberScoresBody } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';
import { SCORING_KEY } from './useMemberValueQuery.ts';

export interface MemberScoresResponse {
  scores: MemberScoresBody | null;
}

export function useMemberScoresQuery(id: string): UseQueryResult<MemberScoresResponse> {
  return useQuery({
    queryKey: [SCORING_KEY, 'member', id],
    queryFn: ({ signal }) => apiGet<MemberScoresResponse>(`/v1/members/${encodeURIComponent(id)}/scores`, undefined, signal),
  });
}
