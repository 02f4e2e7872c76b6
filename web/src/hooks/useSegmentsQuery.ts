/** GET /v1/segments — the saved segments (by key); GET /v1/segments/:key — one of them (404 when it is gone). */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SegmentBody } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';

/** Every segment query starts with this key, so saving or deleting one refreshes them all. */
export const SEGMENTS_KEY = 'segments';

export interface SegmentList {
  segments: SegmentBody[];
}

export function useSegmentsQuery(): UseQueryResult<SegmentList> {
  return useQuery({
    queryKey: [SEGMENTS_KEY, 'list'],
    queryFn: ({ signal }) => apiGet<SegmentList>('/v1/segments', undefined, signal),
  });
}

export function useSegmentQuery(key: string): UseQueryResult<SegmentBody> {
  return useQuery({
    queryKey: [SEGMENTS_KEY, 'one', key],
    queryFn: ({ signal }) => apiGet<SegmentBody>(`/v1/segments/${encodeURIComponent(key)}`, undefined, signal),
  });
}
