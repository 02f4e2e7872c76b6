/** GET /v1/gamification/catalogue — rules, badges and levels in force with their holder counts, and the presets. */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiGet } from '../../../api/client.ts';
import { INCENTIVES_KEY, type CatalogueBody } from './types.ts';

export function useCatalogueQuery(): UseQueryResult<CatalogueBody> {
  return useQuery({
    queryKey: [INCENTIVES_KEY, 'catalogue'],
    queryFn: ({ signal }) => apiGet<CatalogueBody>('/v1/gamification/catalogue', undefined, signal),
  });
}
