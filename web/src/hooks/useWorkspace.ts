/** The workspace name and time zone, read from the (cached, shared) overview response. */
import { useOverviewQuery } from './useOverviewQuery.ts';

export interface WorkspaceInfo {
  name: string | null;
  slug: string | null;
  /** IANA zone used for day boundaries and for showing times; UTC until the overview has loaded. */
  timeZone: string;
  loaded: boolean;
}

export function useWorkspace(): WorkspaceInfo {
  const { data } = useOverviewQuery(30, { live: false });
  return {
    name: data?.workspace.name ?? null,
    slug: data?.workspace.slug ?? null,
    timeZone: data?.timeZone ?? data?.workspace.timeZone ?? 'UTC',
    loaded: data !== undefined,
  };
}
