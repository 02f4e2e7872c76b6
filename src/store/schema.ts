/**
 * Row-store tables as Kysely types. Every table carries `workspace_id`; times are UTC microseconds (bigint columns,
 * read as JS numbers: microsecond timestamps stay below 2^53 until the year 2255).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

export interface WorkspacesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  time_zone: string;
  /** Bumped by an identity replay: the column store then rebuilds this workspace's member ids. */
  identity_generation: Generated<number>;
  created_at: number;
}

export interface ApiKeysTable {
  id: Generated<number>;
  workspace_id: number;
  kind: 'write' | 'admin';
  key_hash: string;
  /** First characters of the key, to recognise it in listings without storing it. */
  key_prefix: string;
  /** For write keys: the platform that identities of events sent with this key belong to. */
  platform: string;
  label: string | null;
  created_at: number;
  revoked_at: number | null;
}

export interface MembersTable {
  id: Generated<number>;
  workspace_id: number;
  display_name: string | null;
  /** JSON object: the merged traits from identify calls. */
  traits: string;
  first_seen: number | null;
  last_seen: number | null;
  /** Events the member acted in (actor), maintained in the ingest transaction. */
  event_count: number;
  /** Events about the member with another or a hidden actor (e.g. votes on their posts). */
  target_count: number;
  /** Set when this member was merged into another: reads follow it to the survivor. */
  merged_into: number | null;
  created_at: number;
  updated_at: number;
  /** When `traits` last changed (0: never since the column existed). */
  traits_updated_at: ColumnType<number, number | undefined, number>;
}

export interface IdentitiesTable {
  id: Generated<number>;
  workspace_id: number;
  member_id: number;
  platform: string;
  kind: string;
  value: string;
  verified: number;
  created_at: number;
}

/** The ingest log: append-only; `seq` is the columnizer's watermark. Only member ids change (merges). */
export interface EventsTable {
  seq: Generated<number>;
  workspace_id: number;
  event_id: string;
  type: string;
  name: string;
  ts: number;
  received_at: number;
  platform: string;
  member_id: number | null;
  identity_id: number | null;
  target_member_id: number | null;
  target_identity_id: number | null;
  /** JSON object. */
  properties: string;
  /** JSON object or null. */
  context: string | null;
  /**
   * JSON: the identities the message claimed, kept verbatim so identity resolution can be replayed:
   * `{ a: [[platform, kind, value, verified], …] (actor, primary first), t?: [platform, kind, value], p?: previousId }`.
   */
  claims: string;
}

export interface EventTypeCountsTable {
  workspace_id: number;
  name: string;
  count: number;
}

export interface MemberMergesTable {
  id: Generated<number>;
  workspace_id: number;
  kind: 'merge' | 'unmerge';
  /** merge: the survivor; unmerge: the member the identity left. */
  member_id: number;
  /** merge: the member merged away; unmerge: the new member holding the split identity. */
  other_member_id: number;
  /** merge: 'shared_identity' | 'alias' | 'api'; unmerge: 'api'. */
  reason: string;
  /** JSON: the identity that linked (merge) or was split out (unmerge). */
  identity: string | null;
  /** The ingest-log seq of the event that caused it. */
  seq: number | null;
  created_at: number;
}

/** Member-id changes the column store must apply, in order; the columnizer keeps its own watermark on `id`. */
export interface MemberRemapsTable {
  id: Generated<number>;
  workspace_id: number;
  from_member_id: number;
  to_member_id: number;
  /** Null: every event of from_member; else only events made through this identity. */
  identity_id: number | null;
  created_at: number;
}

/** Pairs of members an operator split apart: automatic resolution never joins them again. */
export interface MergeBlocksTable {
  workspace_id: number;
  member_a: number;
  member_b: number;
  created_at: number;
}

/** Resumable imports: which file (by content hash) got how far. */
export interface ImportsTable {
  id: Generated<number>;
  workspace_id: number;
  source: string;
  file_hash: string;
  /** Lines (or rows) already committed. */
  position: number;
  done: number;
  updated_at: number;
}

/** One JSON document per (workspace, key), e.g. the scoring settings. */
export interface WorkspaceSettingsTable {
  workspace_id: number;
  key: string;
  value: string;
  updated_at: number;
}

export interface ScoringRunsTable {
  id: Generated<number>;
  workspace_id: number;
  as_of: number;
  started_at: number;
  finished_at: number | null;
  /** 'running' | 'done' | 'failed' */
  status: string;
  settings: string;
  /** JSON: fits, diagnostics, tier sizes. */
  report: string | null;
}

export interface MemberScoresTable {
  workspace_id: number;
  member_id: number;
  run_id: number;
  recency_days: number | null;
  frequency: number | null;
  monetary: number | null;
  r_score: number | null;
  f_score: number | null;
  m_score: number | null;
  rfm_code: string | null;
  rfm_segment: string | null;
  p_alive: number | null;
  expected_purchases: number | null;
  clv: number | null;
  relationship_density: number | null;
  value_density: number | null;
  potential_density: number | null;
  lifecycle_tier: string | null;
  communication_tier: string | null;
  /** Packed little-endian doubles, see segments/run/score-rows.mjs. */
  components: Uint8Array;
}

export interface SegmentsTable {
  id: Generated<number>;
  workspace_id: number;
  key: string;
  name: string;
  definition: string;
  created_at: number;
  updated_at: number;
}

export interface SegmentMembersTable {
  workspace_id: number;
  segment_id: number;
  member_id: number;
  since: number;
}

export interface MembershipChangesTable {
  id: Generated<number>;
  workspace_id: number;
  run_id: number;
  member_id: number;
  kind: string;
  subject: string;
  from_value: string | null;
  to_value: string | null;
  at: number;
}

export interface GamificationConfigsTable {
  id: Generated<number>;
  workspace_id: number;
  version: number;
  config: string;
  note: string | null;
  created_at: number;
}

export interface GamificationStateTable {
  workspace_id: number;
  key: string;
  value: string;
}

export interface GamificationBatchesTable {
  id: Generated<number>;
  workspace_id: number;
  config_version: number;
  events: string;
}

export interface PointsLedgerTable {
  id: Generated<number>;
  workspace_id: number;
  key: string;
  member_id: number;
  rule_id: string;
  category: string | null;
  event_id: string;
  ts: number;
  day: string;
  points: number;
  requested: number;
  kind: string;
  capped: string | null;
  ref: string | null;
  /** For a reversal: the rule whose points it takes back. */
  reverses: string | null;
  config_version: number;
  created_at: number;
}

export interface BadgeAwardsTable {
  id: Generated<number>;
  workspace_id: number;
  key: string;
  badge_id: string;
  member_id: number;
  awarded_at: number;
  day: string;
  subject: string | null;
  event_id: string;
  config_version: number;
}

export interface MemberLevelsTable {
  workspace_id: number;
  member_id: number;
  level: string | null;
  since: number | null;
}

export interface LevelChangesTable {
  id: Generated<number>;
  workspace_id: number;
  member_id: number;
  from_level: string | null;
  to_level: string | null;
  direction: string;
  reason: string;
  at: number;
}

export interface PointsTotalsTable {
  workspace_id: number;
  board: string;
  period: string;
  member_id: number;
  points: number;
}

export interface LeaderboardMarksTable {
  workspace_id: number;
  /** The ledger generation the totals follow (the setting `gamification.ledger_generation`; replay starts a new one). */
  generation: string;
  /** The last ledger id the totals include. */
  watermark: number;
}

export interface PointsValuesTable {
  workspace_id: number;
  board: string;
  period: string;
  points: number;
  members: number;
}

export interface Database {
  workspaces: WorkspacesTable;
  api_keys: ApiKeysTable;
  members: MembersTable;
  identities: IdentitiesTable;
  events: EventsTable;
  event_type_counts: EventTypeCountsTable;
  member_merges: MemberMergesTable;
  member_remaps: MemberRemapsTable;
  merge_blocks: MergeBlocksTable;
  imports: ImportsTable;
  workspace_settings: WorkspaceSettingsTable;
  scoring_runs: ScoringRunsTable;
  member_scores: MemberScoresTable;
  segments: SegmentsTable;
  segment_members: SegmentMembersTable;
  membership_changes: MembershipChangesTable;
  gamification_configs: GamificationConfigsTable;
  gamification_state: GamificationStateTable;
  gamification_batches: GamificationBatchesTable;
  points_ledger: PointsLedgerTable;
  badge_awards: BadgeAwardsTable;
  member_levels: MemberLevelsTable;
  level_changes: LevelChangesTable;
  points_totals: PointsTotalsTable;
  points_values: PointsValuesTable;
  leaderboard_marks: LeaderboardMarksTable;
}

export type Workspace = Selectable<WorkspacesTable>;
export type MemberRow = Selectable<MembersTable>;
export type IdentityRow = Selectable<IdentitiesTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEventRow = Insertable<EventsTable>;
