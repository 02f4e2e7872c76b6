/** Member value and tiers: workspace settings, scoring runs, the latest scores per member, segments and their history. */
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { RowDialect } from '../dialect.ts';

export async function up(db: Kysely<any>, dialect: RowDialect): Promise<void> {
  const bigint = 'bigint' as const;
  const real = dialect === 'sqlite' ? ('real' as const) : ('double precision' as const);
  const id = (c: ColumnDefinitionBuilder) => (dialect === 'sqlite' ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity());
  const idType = dialect === 'sqlite' ? ('integer' as const) : bigint;

  // One JSON document per (workspace, key), validated by the owning module's zod schema when read and written.
  await db.schema
    .createTable('workspace_settings')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('workspace_settings_pk', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('scoring_runs')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('as_of', bigint, (c) => c.notNull())
    .addColumn('started_at', bigint, (c) => c.notNull())
    .addColumn('finished_at', bigint)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('report', 'text')
    .execute();
  await db.schema.createIndex('scoring_runs_ws').on('scoring_runs').columns(['workspace_id', 'id']).execute();

  // The latest scores of each member, for reads of one member (profile, single-member segment checks).
  await db.schema
    .createTable('member_scores')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('run_id', bigint, (c) => c.notNull())
    .addColumn('recency_days', real)
    .addColumn('frequency', bigint)
    .addColumn('monetary', bigint)
    .addColumn('r_score', 'integer')
    .addColumn('f_score', 'integer')
    .addColumn('m_score', 'integer')
    .addColumn('rfm_code', 'text')
    .addColumn('rfm_segment', 'text')
    .addColumn('p_alive', real)
    .addColumn('expected_purchases', real)
    .addColumn('clv', real)
    .addColumn('relationship_density', real)
    .addColumn('value_density', real)
    .addColumn('potential_density', real)
    .addColumn('lifecycle_tier', 'text')
    .addColumn('communication_tier', 'text')
    // The components behind each density (so the UI can show why a score is what it is), packed as little-endian
    // doubles in the order of COMPONENT_SPEC (segments/run/score-rows.mjs): formatting a million JSON documents per run
    // cost more than writing them.
    .addColumn('components', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_scores_pk', ['workspace_id', 'member_id'])
    // SQLite: the rows live in the primary-key B-tree itself; a rowid table would maintain two trees per upsert.
    .$call((b) => (dialect === 'sqlite' ? b.modifyEnd(sql`WITHOUT ROWID`) : b))
    .execute();

  await db.schema
    .createTable('segments')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', bigint, (c) => c.notNull())
    .addColumn('updated_at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('segments_ws_key').on('segments').columns(['workspace_id', 'key']).unique().execute();

  await db.schema
    .createTable('segment_members')
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('segment_id', bigint, (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    .addColumn('since', bigint, (c) => c.notNull())
    .addPrimaryKeyConstraint('segment_members_pk', ['workspace_id', 'segment_id', 'member_id'])
    .execute();

  // Domain events of membership: a member entered or left a segment, or moved between tiers. Append only.
  await db.schema
    .createTable('membership_changes')
    .addColumn('id', idType, id)
    .addColumn('workspace_id', bigint, (c) => c.notNull())
    .addColumn('run_id', bigint, (c) => c.notNull())
    .addColumn('member_id', bigint, (c) => c.notNull())
    // 'segment' | 'lifecycle_tier' | 'communication_tier'
    .addColumn('kind', 'text', (c) => c.notNull())
    // The segment key for kind 'segment'; the tier kind otherwise.
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('from_value', 'text')
    .addColumn('to_value', 'text')
    .addColumn('at', bigint, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('membership_changes_run').on('membership_changes').columns(['workspace_id', 'run_id']).execute();
  await db.schema.createIndex('membership_changes_member').on('membership_changes').columns(['workspace_id', 'member_id', 'id']).execute();
}
