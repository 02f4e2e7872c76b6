/** Workspaces (one community each) and their API keys, stored hashed. */
import type { Kysely, Transaction } from 'kysely';
import { AppError, hashApiKey, newApiKey, type ApiKeyKind } from '../core/index.ts';
import type { Database } from './schema.ts';

export interface WorkspaceRecord {
  id: number;
  slug: string;
  name: string;
  timeZone: string;
}

export interface AuthenticatedKey {
  workspace: WorkspaceRecord;
  kind: ApiKeyKind;
  platform: string;
  keyId: number;
}

export interface CreatedKey {
  key: string;
  kind: ApiKeyKind;
  prefix: string;
  platform: string;
}

const toRecord = (r: { id: number; slug: string; name: string; time_zone: string }): WorkspaceRecord => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  timeZone: r.time_zone,
});

/** Authenticated keys are remembered this long: a revocation takes effect within it. */
const AUTH_TTL_MS = 5_000;

export function workspaceStore(db: Kysely<Database>, nowMicros: () => number) {
  // Every ingest request authenticates; a short cache keeps that lookup off the busy row-store connection.
  const authCache = new Map<string, { at: number; auth: AuthenticatedKey | undefined }>();
  return {
    async find(slug: string): Promise<WorkspaceRecord | undefined> {
      const r = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
      return r && toRecord(r);
    },

    async list(): Promise<WorkspaceRecord[]> {
      return (await db.selectFrom('workspaces').selectAll().orderBy('id').execute()).map(toRecord);
    },

    /** Returns the workspace, creating it (with the given time zone) on first use. */
    async ensure(slug: string, timeZone: string): Promise<WorkspaceRecord> {
      const found = await this.find(slug);
      if (found) return found;
      await db
        .insertInto('workspaces')
        .values({ slug, name: slug, time_zone: timeZone, created_at: nowMicros() })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
      const created = await this.find(slug);
      if (!created) throw new AppError('internal', `workspace ${slug} could not be created`);
      return created;
    },

    async rename(id: number, name: string): Promise<void> {
      await db.updateTable('workspaces').set({ name }).where('id', '=', id).execute();
    },

    async createKey(workspaceId: number, kind: ApiKeyKind, opts: { platform?: string; label?: string } = {}): Promise<CreatedKey> {
      const key = newApiKey(kind);
      const prefix = key.slice(0, 10);
      const platform = opts.platform ?? 'app';
      await db
        .insertInto('api_keys')
        .values({
          workspace_id: workspaceId,
          kind,
          key_hash: hashApiKey(key),
          key_prefix: prefix,
          platform,
          label: opts.label ?? null,
          created_at: nowMicros(),
          revoked_at: null,
        })
        .execute();
      return { key, kind, prefix, platform };
    },

    async listKeys(workspaceId: number) {
      return db
        .selectFrom('api_keys')
        .select(['id', 'kind', 'key_prefix', 'platform', 'label', 'created_at', 'revoked_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute();
    },

    async revokeKey(workspaceId: number, prefix: string): Promise<number> {
      authCache.clear();
      const r = await db
        .updateTable('api_keys')
        .set({ revoked_at: nowMicros() })
        .where('workspace_id', '=', workspaceId)
        .where('key_prefix', '=', prefix)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** Looks a presented secret up by its hash; undefined for unknown or revoked keys (cached for a few seconds). */
    async authenticate(key: string): Promise<AuthenticatedKey | undefined> {
      const hash = hashApiKey(key);
      const cached = authCache.get(hash);
      if (cached && Date.now() - cached.at < AUTH_TTL_MS) return cached.auth;
      const auth = await this.lookupKey(hash);
      if (authCache.size > 10_000) authCache.clear();
      authCache.set(hash, { at: Date.now(), auth });
      return auth;
    },

    async lookupKey(hash: string): Promise<AuthenticatedKey | undefined> {
      const r = await db
        .selectFrom('api_keys')
        .innerJoin('workspaces', 'workspaces.id', 'api_keys.workspace_id')
        .select([
          'api_keys.id as keyId',
          'api_keys.kind',
          'api_keys.platform',
          'api_keys.revoked_at',
          'workspaces.id',
          'workspaces.slug',
          'workspaces.name',
          'workspaces.time_zone',
        ])
        .where('api_keys.key_hash', '=', hash)
        .executeTakeFirst();
      if (!r || r.revoked_at !== null) return undefined;
      return { workspace: toRecord(r), kind: r.kind, platform: r.platform, keyId: r.keyId };
    },
  };
}

export type WorkspaceStore = ReturnType<typeof workspaceStore>;

/** A workspace's time zone (day boundaries of caps, cohorts, leaderboards), read inside a transaction if given one. */
export async function workspaceTimeZone(db: Kysely<Database> | Transaction<Database>, id: number): Promise<string> {
  const r = await db.selectFrom('workspaces').select('time_zone').where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('not_found', `workspace ${id} does not exist`, { field: 'workspace' });
  return r.time_zone;
}
