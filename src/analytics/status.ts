/** Counts of a workspace from the row store alone (exact and immediate): members and events by type and name. */
import { eventNameCounts } from '../ingest/index.ts';
import { memberCounts } from '../members/index.ts';
import type { RowStore, WorkspaceRecord } from '../store/index.ts';

export interface WorkspaceStatus {
  workspace: string;
  timeZone: string;
  members: number;
  mergedMembers: number;
  identities: number;
  events: number;
  eventsByType: Record<string, number>;
  eventsByName: Record<string, number>;
}

export async function workspaceStatus(rows: RowStore, ws: WorkspaceRecord): Promise<WorkspaceStatus> {
  const members = await memberCounts(rows, ws.id);
  const names = await eventNameCounts(rows, ws.id);
  const eventsByName: Record<string, number> = {};
  const eventsByType: Record<string, number> = {};
  for (const n of names) {
    eventsByName[n.name] = Number(n.count);
    const type = n.name === '$identify' ? 'identify' : n.name === '$alias' ? 'alias' : n.name === '$page' ? 'page' : n.name === '$screen' ? 'screen' : n.name === '$group' ? 'group' : n.name === '$merge' ? 'merge' : n.name === '$unmerge' ? 'unmerge' : 'track';
    eventsByType[type] = (eventsByType[type] ?? 0) + Number(n.count);
  }
  names.sort((a, b) => a.name.localeCompare(b.name));
  return {
    workspace: ws.slug,
    timeZone: ws.timeZone,
    members: members.live,
    mergedMembers: members.merged,
    identities: members.identities,
    events: Object.values(eventsByName).reduce((a, b) => a + b, 0),
    eventsByType,
    eventsByName,
  };
}
