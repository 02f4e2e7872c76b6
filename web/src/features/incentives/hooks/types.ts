/**
 * The incentives API's response types. Most come from the server's schemas (type-only); the routes declare a few
 * small responses inline without a named schema, so those are written out here to match
 * src/api/routes/gamification.ts.
 */
import type { z } from 'zod';
import type { configVersionSchema, LedgerEntryBody, RankedMemberBody } from '../../../../../src/api/schemas/index.ts';

export type {
  CatalogueBody,
  LedgerEntryBody,
  MemberIncentivesBody,
  PayoutReportBody,
  RankedMemberBody,
  ReplayReportBody,
} from '../../../../../src/api/schemas/index.ts';

/** Every incentives query starts with this key: installing a preset, replaying or saving refreshes them all. */
export const INCENTIVES_KEY = 'incentives';

/** GET/PUT /v1/gamification/config. */
export type ConfigVersionBody = z.infer<typeof configVersionSchema>;

/** GET /v1/gamification/config/versions (newest first). */
export interface ConfigVersionsBody {
  versions: Array<{ version: number; note: string | null; createdAt: number }>;
}

export type PeriodKind = 'all' | 'month' | 'week' | 'day';
export const PERIOD_KINDS: readonly PeriodKind[] = ['all', 'month', 'week', 'day'];

/** GET /v1/gamification/leaderboards. `period` is the key: `all`, `month:2026-11`, `week:2026-11-23`, `day:2026-11-26`. */
export interface LeaderboardBody {
  board: string;
  period: string;
  timeZone: string;
  rows: RankedMemberBody[];
}

/** GET /v1/gamification/badges/{badge}/holders (newest first). */
export interface BadgeHoldersBody {
  holders: Array<{ member: string; label: string; awardedAt: number; day: string; subject: string | null }>;
}

/** GET /v1/gamification/members/{member}/ledger: `next` is the `before` cursor of the next page. */
export interface LedgerPageBody {
  entries: LedgerEntryBody[];
  next: number | null;
}

/** POST /v1/gamification/payouts: the request body. Amounts in the smallest currency unit. */
export interface PayoutRequest {
  from: string;
  to: string;
  pool: { amount: number; currency: string };
  categories?: string[];
  minPoints?: number;
  minPayout?: number;
}
