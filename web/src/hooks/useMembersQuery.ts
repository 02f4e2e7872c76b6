/** GET /v1/members?query=&limit=&cursor= — member search (or recent members when the query is empty), paged. */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { MemberList } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';

export const MEMBERS_PAGE_SIZE = 50;

export function useMembersQuery(query: string) {
  const q = query.trim();
  return useInfiniteQuery({
    queryKey: ['members', q],
    queryFn: ({ pageParam, signal }) =>
      apiGet<MemberList>('/v1/members', { query: q, limit: MEMBERS_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
