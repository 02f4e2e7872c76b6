/** Types of score-rows.mjs (plain JavaScript so that the SQLite writer's worker thread can load it). */
export interface ComponentSpec {
  key: string;
  /** Decimal places kept. */
  digits: number;
}

/** A run's results in columns, one entry per member, ascending member id. */
export interface ScoreColumnsData {
  n: number;
  memberId: Float64Array;
  /** NaN: none. */
  recencyDays: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
  /** 0: none. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  rfmSegment: (string | null)[];
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  clv: Float64Array;
  relationship: Float64Array;
  value: Float64Array;
  potential: Float64Array;
  lifecycle: string[];
  communication: string[];
  /** The components behind the densities, one column per COMPONENT_SPEC entry, in that order. */
  componentValues: Float64Array[];
}

export declare const SCORE_COLUMNS: string[];
export declare const SCORE_UPSERT_SUFFIX: string;
export declare const COMPONENT_SPEC: ComponentSpec[];
export declare function packComponents(c: ScoreColumnsData): Float64Array;
export declare function unpackComponents(bytes: Uint8Array): Record<string, number | null>;
export declare function pushScoreRow(out: unknown[], c: ScoreColumnsData, i: number, ws: number, runId: number, packed: Float64Array, coded?: ScoreColumnsMessage): void;
export declare const CHANGE_COLUMNS: string[];
/** The previous run's tiers, in columns sorted by member id. */
export interface PreviousTiers {
  memberId: Float64Array;
  lifecycle: readonly (string | null)[];
  communication: readonly (string | null)[];
}
export declare function tierChangeRows(before: PreviousTiers, c: ScoreColumnsData, ws: number, runId: number, now: number): unknown[][];
/** The columns in the form sent to the writer thread (text columns as codes). */
export type ScoreColumnsMessage = Omit<ScoreColumnsData, 'rfmSegment' | 'lifecycle' | 'communication'> & Record<'rfmSegment' | 'lifecycle' | 'communication', { dict: (string | null)[]; codes: Uint8Array }>;
export declare function toMessage(c: ScoreColumnsData): ScoreColumnsMessage;
export declare function fromMessage(m: ScoreColumnsMessage): ScoreColumnsData;
/** The row form the SQLite worker binds: texts as codes into the message's dictionaries. */
export declare function codedRowSql(m: ScoreColumnsMessage): string;
/** Reads the previous run's tiers from SQLite (a better-sqlite3 database). */
export declare function readPreviousTiers(db: unknown, ws: number, lifecycleNames: readonly string[], communicationNames: readonly string[]): PreviousTiers;
