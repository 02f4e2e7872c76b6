/** POST /v1/scoring/runs — score every member now; when it is done, every scoring query is fetched again. */
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { ScoringReportBody } from '../../../src/api/schemas/index.ts';
import { apiPost } from '../api/client.ts';
import { SCORING_KEY } from './useMemberValueQuery.ts';

export function useRunScoringMutation(): UseMutationResult<ScoringReportBody, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<ScoringReportBody>('/v1/scoring/runs', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [SCORING_KEY] }),
  });
}
