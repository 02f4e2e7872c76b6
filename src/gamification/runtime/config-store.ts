/** Versions of a workspace's incentive configuration: every save is a new version; the highest is in force. */
import { AppError } from '../../core/index.ts';
import { withWriteTransaction, type RowStore, type Tx } from '../../store/index.ts';
import { gamificationConfig, type GamificationConfig } from '../config.ts';

export interface ConfigVersion {
  version: number;
  config: GamificationConfig;
  note: string | null;
  createdAt: number;
}

export async function activeConfig(db: Tx, ws: number): Promise<ConfigVersion | null> {
  const row = await db
    .selectFrom('gamification_configs')
    .select(['version', 'config', 'note', 'created_at'])
    .where('workspace_id', '=', ws)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return { version: Number(row.version), config: gamificationConfig.parse(JSON.parse(row.config)), note: row.note, createdAt: Number(row.created_at) };
}

export async function configVersions(db: Tx, ws: number): Promise<{ version: number; note: string | null; createdAt: number }[]> {
  const rows = await db.selectFrom('gamification_configs').select(['version', 'note', 'created_at']).where('workspace_id', '=', ws).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: Number(r.version), note: r.note, createdAt: Number(r.created_at) }));
}

/** Validates and stores a new version; zod's issues reach the caller with their field paths. */
export async function saveConfig(rows: RowStore, ws: number, input: unknown, note: string | null, now: number): Promise<ConfigVersion> {
  const parsed = gamificationConfig.safeParse(input);
  if (!parsed.success) throw parsed.error;
  return withWriteTransaction(rows, async (trx) => {
    const last = await trx.selectFrom('gamification_configs').select((eb) => eb.fn.max('version').as('v')).where('workspace_id', '=', ws).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    await trx
      .insertInto('gamification_configs')
      .values({ workspace_id: ws, version, config: JSON.stringify(parsed.data), note, created_at: now })
      .execute();
    return { version, config: parsed.data, note, createdAt: now };
  });
}

/** The configuration in force; a clear error when there is none yet. */
export async function activeConfigIn(db: Tx, ws: number): Promise<ConfigVersion> {
  const c = await activeConfig(db, ws);
  if (!c) throw new AppError('not_found', 'no incentive configuration yet: install a preset or save one first', { field: 'config' });
  return c;
}

/** Checks a configuration without saving it: every problem, with the field path it is about. */
export function validateConfig(input: unknown): { valid: boolean; issues: { field: string; message: string }[] } {
  const parsed = gamificationConfig.safeParse(input);
  if (parsed.success) return { valid: true, issues: [] };
  return { valid: false, issues: parsed.error.issues.slice(0, 50).map((i) => ({ field: i.path.map(String).join('.'), message: i.message })) };
}
