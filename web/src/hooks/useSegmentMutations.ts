/**
 * POST /v1/segments (create; 409 when the key exists), PUT /v1/segments/:key (change), DELETE /v1/segments/:key.
 * Each refreshes the segment queries when it succeeds.
 */
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import type { SegmentBody } from '../../../src/api/schemas/index.ts';
import { apiDelete, apiPost, apiPut } from '../api/client.ts';
import { SEGMENTS_KEY } from './useSegmentsQuery.ts';

export interface SegmentInput {
  mode: 'create' | 'update';
  key: string;
  name: string;
  definition: unknown;
}

export function useSaveSegmentMutation(): UseMutationResult<SegmentBody, Error, SegmentInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mode, key, name, definition }) =>
      mode === 'create'
        ? apiPost<SegmentBody>('/v1/segments', { key, name, definition })
        : apiPut<SegmentBody>(`/v1/segments/${encodeURIComponent(key)}`, { name, definition }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [SEGMENTS_KEY] }),
  });
}

export function useDeleteSegmentMutation(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key) => apiDelete(`/v1/segments/${encodeURIComponent(key)}`),
    // Not awaited: the deleted row unmounts when the list comes back, and the caller's onSuccess must run first.
    // The segment's own query is left alone (refetching it now would only find a 404 on the page being left).
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [SEGMENTS_KEY, 'list'] }),
  });
}
