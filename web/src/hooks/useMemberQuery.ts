/** GET /v1/members/:id — one member's profile (follows merges: `redirectedFrom` is set when the id was merged). */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { MemberProfile } from '../../../src/api/schemas/index.ts';
import { apiGet } from '../api/client.ts';

export function useMemberQuery(id: string): UseQueryResult<MemberProfile> {
  return useQuery({
    queryKey: ['member', id],
    queryFn: ({ signal }) => apiGet<MemberProfile>(`/v1/members/${encodeURIComponent(id)}`, undefined, signal),
  });
}
