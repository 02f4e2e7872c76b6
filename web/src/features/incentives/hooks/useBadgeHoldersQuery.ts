/** GET /v1/gamification/badges/{badge}/holders?limit= — a badge's most recent awards (asked for once a badge is chosen). */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../api/client.ts';
import { INCENTIVES_KEY, type BadgeHoldersBody } from './types.ts';

export const HOLDERS_LIMIT = 20;

export function useBadgeHoldersQuery(badge: string | null): UseQueryResult<BadgeHoldersBody> {
  return useQuery({
    queryKey: [INCENTIVES_KEY, 'holders', badge],
    queryFn: ({ signal }) => apiGet<BadgeHoldersBody>(`/v1/gamification/badges/${encodeURIComponent(badge ?? '')}/holders`, { limit: HOLDERS_LIMIT }, signal),
    enabled: badge !== null,
  });
}
