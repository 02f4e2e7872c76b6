/**
 * POST /v1/segments/preview — how many members a definition selects now (over the latest scoring run) and a
 * sample of their ids: on demand (the form, a list row) or as a query (a saved segment's page).
 */
import { useMutation, useQuery, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { apiPost } from '../api/client.ts';
import { SCORING_KEY } from './useMemberValueQuery.ts';

export interface SegmentPreview {
  /** Members matching now. */
  count: number;
  /** Members in the latest scoring run (what `count` is out of). */
  scored: number;
  /** Public member ids (`mem_…`), at most the sample size asked for. */
  sample: string[];
}

export interface PreviewRequest {
  definition: unknown;
  sample?: number;
}

export const PREVIEW_SAMPLE = 20;

export function useSegmentPreviewMutation(): UseMutationResult<SegmentPreview, Error, PreviewRequest> {
  return useMutation({
    mutationFn: ({ definition, sample = PREVIEW_SAMPLE }) => apiPost<SegmentPreview>('/v1/segments/preview', { definition, sample }),
  });
}

/** The live count of a saved segment; `version` (its updatedAt) makes an edit ask again. A new run refreshes it. */
export function useSegmentPreviewQuery(key: string, version: number, definition: unknown): UseQueryResult<SegmentPreview> {
  return useQuery({
    queryKey: [SCORING_KEY, 'segmentPreview', key, version],
    queryFn: ({ signal }) => apiPost<SegmentPreview>('/v1/segments/preview', { definition, sample: 0 }, signal),
  });
}
