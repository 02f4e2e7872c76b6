/** GET /v1/members/:id/events?limit=&cursor= — the member's timeline, newest first, paged with "load more". */
import { useInfiniteQuery } from '@tanstack/react-query';
import type { Timeline } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';

export const TIMELINE_PAGE_SIZE = 50;

export function useMemberEventsQuery(id: string) {
  return useInfiniteQuery({
    queryKey: ['memberEvents', id],
    queryFn: ({ pageParam, signal }) =>
      apiGet<Timeline>(
        `/v1/members/${encodeURIComponent(id)}/events`,
        { limit: TIMELINE_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
