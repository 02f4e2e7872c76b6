/**
 * The cardano Stack Exchange dump imported through the foundation's importer into a real temporary store, and its
 * events read back from the log in replay order — the input of the gamification presets' tests. Also the dump's own
 * answers: Users.xml reputation and Badges.xml awards, read with a regex (independent of the importer).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/index.ts';
import { importStackExchangeDump, logEventsInOrder, type LogEvent } from '../../src/ingest/index.ts';
import { openSheyun, type Sheyun } from '../../src/main.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
export const cardanoDir = path.resolve(repoRoot, '../shared/data/stackexchange/cardano');

export interface SeStore {
  s: Sheyun;
  workspaceId: number;
  /** Every event in (ts, event id) order. */
  events: LogEvent[];
  /** Member id → Stack Exchange user id (members with a `user_id` identity on the dump's platform). */
  userIdOf: Map<number, string>;
  close(): Promise<void>;
}

/** Imports the cardano dump into a fresh store (about ten seconds) and reads every event back in replay order. */
export async function openCardanoStore(): Promise<SeStore> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sheyun-gamification-se-'));
  const s = await openSheyun(loadConfig({ dataDir: root, logLevel: 'silent' }), { columnStore: 'none' });
  const ws = await s.defaultWorkspace();
  await importStackExchangeDump(s.ingest, { workspaceId: ws.id, dir: cardanoDir });
  const events: LogEvent[] = [];
  for await (const page of logEventsInOrder(s.rows.db, s.rows.dialect, ws.id)) events.push(...page);
  const ids = await s.rows.db
    .selectFrom('identities')
    .select(['member_id', 'value'])
    .where('workspace_id', '=', ws.id)
    .where('kind', '=', 'user_id')
    .where('platform', '=', 'stackexchange:cardano')
    .execute();
  const userIdOf = new Map(ids.map((r) => [Number(r.member_id), r.value]));
  return {
    s,
    workspaceId: ws.id,
    events,
    userIdOf,
    async close() {
      await s.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

const attr = (row: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(row);
  return m ? m[1] : undefined;
};
const rows = (file: string): string[] => fs.readFileSync(path.join(cardanoDir, file), 'utf8').match(/<row [^>]*\/>/g) ?? [];

/** Users.xml: user id → Reputation. */
export function dumpReputation(): Map<string, number> {
  return new Map(rows('Users.xml').map((r) => [attr(r, 'Id')!, Number(attr(r, 'Reputation'))]));
}

/** Badges.xml rows: user id, badge name, UTC date 'YYYY-MM-DD', tag-based or not. */
export function dumpBadges(): { userId: string; name: string; day: string; tagBased: boolean }[] {
  return rows('Badges.xml').map((r) => ({
    userId: attr(r, 'UserId')!,
    name: attr(r, 'Name')!.replaceAll('&amp;', '&'),
    day: attr(r, 'Date')!.slice(0, 10),
    tagBased: attr(r, 'TagBased') === 'True',
  }));
}
