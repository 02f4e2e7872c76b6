/** Counts of a workspace from the row store alone (exact and immediate): members and events by type and name. */
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
  const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
  const members = await count(
    rows.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws.id).where('merged_into', 'is', null).executeTakeFirst(),
  );
  const merged = await count(
    rows.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws.id).where('merged_into', 'is not', null).executeTakeFirst(),
  );
  const identities = await count(rows.db.selectFrom('identities').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws.id).executeTakeFirst());
  const names = await rows.db.selectFrom('event_type_counts').select(['name', 'count']).where('workspace_id', '=', ws.id).orderBy('name').execute();
  const eventsByName: Record<string, number> = {};
  const eventsByType: Record<string, number> = {};
  for (const n of names) {
    eventsByName[n.name] = Number(n.count);
    const type = n.name === '$identify' ? 'identify' : n.name === '$alias' ? 'alias' : n.name === '$page' ? 'page' : n.name === '$screen' ? 'screen' : n.name === '$group' ? 'group' : n.name === '$merge' ? 'merge' : n.name === '$unmerge' ? 'unmerge' : 'track';
    eventsByType[type] = (eventsByType[type] ?? 0) + Number(n.count);
  }
  return {
    workspace: ws.slug,
    timeZone: ws.timeZone,
    members,
    mergedMembers: merged,
    identities,
    events: Object.values(eventsByName).reduce((a, b) => a + b, 0),
    eventsByType,
    eventsByName,
  };
}
