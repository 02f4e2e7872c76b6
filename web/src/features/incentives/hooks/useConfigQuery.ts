/**
 * GET /v1/gamification/config — the configuration in force (`null` before the first one: the API answers 404), and
 * GET /v1/gamification/config/versions — every saved version, newest first.
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiGet, ApiError } from '../../../api/client.ts';
import { INCENTIVES_KEY, type ConfigVersionBody, type ConfigVersionsBody } from './types.ts';

export function useConfigQuery(): UseQueryResult<ConfigVersionBody | null> {
  return useQuery({
    queryKey: [INCENTIVES_KEY, 'config'],
    queryFn: async ({ signal }) => {
      try {
        return await apiGet<ConfigVersionBody>('/v1/gamification/config', undefined, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
  });
}

export function useConfigVersionsQuery(): UseQueryResult<ConfigVersionsBody> {
  return useQuery({
    queryKey: [INCENTIVES_KEY, 'versions'],
    queryFn: ({ signal }) => apiGet<ConfigVersionsBody>('/v1/gamification/config/versions', undefined, signal),
  });
}
