/**
 * GET /v1/gamification/members/{member} — balance, level with privileges, badges and all-time rank; and
 * GET /v1/gamification/members/{member}/ledger?limit=&before= — the points history, newest first, with "load more".
 */
import { useInfiniteQuery, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../api/client.ts';
import { INCENTIVES_KEY, type LedgerPageBody, type MemberIncentivesBody } from './types.ts';

export const LEDGER_PAGE_SIZE = 20;

export function useMemberIncentivesQuery(member: string): UseQueryResult<MemberIncentivesBody> {
  return useQuery({
    queryKey: [INCENTIVES_KEY, 'member', member],
    queryFn: ({ signal }) => apiGet<MemberIncentivesBody>(`/v1/gamification/members/${encodeURIComponent(member)}`, undefined, signal),
  });
}

export function useMemberLedgerQuery(member: string) {
  return useInfiniteQuery({
    queryKey: [INCENTIVES_KEY, 'member', member, 'ledger'],
    queryFn: ({ pageParam, signal }) =>
      apiGet<LedgerPageBody>(`/v1/gamification/members/${encodeURIComponent(member)}/ledger`, { limit: LEDGER_PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
