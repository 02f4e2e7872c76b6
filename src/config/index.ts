/**
 * The only reader of `process.env`. Every setting has one zod schema, a default and an environment variable;
 * CLI flags override the environment through `overrides`.
 */
import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'yes', 'no'])])
  .transform((v) => v === true || v === '1' || v === 'true' || v === 'yes');

export const configSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(7300),
  dataDir: z.string().min(1).default('./data'),
  /** Workspace used when a CLI command does not name one; created on first use. */
  workspace: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lowercase letters, digits, - and _').default('default'),
  rowStore: z.enum(['sqlite', 'postgres']).default('sqlite'),
  /** PostgreSQL connection string when rowStore = postgres. */
  databaseUrl: z.string().optional(),
  /** Segment's limit: a batch request body may be at most 500 KB. */
  maxBatchBytes: z.coerce.number().int().positive().default(500 * 1024),
  /** Segment's limit for a single track/identify/alias call. */
  maxMessageBytes: z.coerce.number().int().positive().default(32 * 1024),
  /** Events dated further than this into the future are rejected; old ones are accepted (backfills). */
  futureToleranceHours: z.coerce.number().positive().default(24),
  /** Load the demo community into an empty store at `serve`. */
  demo: boolish.default(true),
  demoMembers: z.coerce.number().int().positive().default(10_000),
  demoSeed: z.coerce.number().int().default(42),
  /** Default time zone of new workspaces: day boundaries for "events today", caps, cohorts. */
  timeZone: z.string().default('Asia/Shanghai'),
  /** How often the columnizer looks for new rows in the ingest log. */
  columnizerIntervalMs: z.coerce.number().int().positive().default(200),
  columnizerBatchRows: z.coerce.number().int().positive().default(50_000),
  /** The server scores every workspace this often (RFM, CLV, densities, tiers, segments); 0 turns it off. */
  scoringIntervalMinutes: z.coerce.number().min(0).default(360),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;

const ENV: Record<keyof Config, string> = {
  host: 'SHEYUN_HOST',
  port: 'SHEYUN_PORT',
  dataDir: 'SHEYUN_DATA_DIR',
  workspace: 'SHEYUN_WORKSPACE',
  rowStore: 'SHEYUN_ROW_STORE',
  databaseUrl: 'SHEYUN_DATABASE_URL',
  maxBatchBytes: 'SHEYUN_MAX_BATCH_BYTES',
  maxMessageBytes: 'SHEYUN_MAX_MESSAGE_BYTES',
  futureToleranceHours: 'SHEYUN_FUTURE_TOLERANCE_HOURS',
  demo: 'SHEYUN_DEMO',
  demoMembers: 'SHEYUN_DEMO_MEMBERS',
  demoSeed: 'SHEYUN_DEMO_SEED',
  timeZone: 'SHEYUN_TIME_ZONE',
  columnizerIntervalMs: 'SHEYUN_COLUMNIZER_INTERVAL_MS',
  columnizerBatchRows: 'SHEYUN_COLUMNIZER_BATCH_ROWS',
  scoringIntervalMinutes: 'SHEYUN_SCORING_INTERVAL_MINUTES',
  logLevel: 'SHEYUN_LOG_LEVEL',
};

/** The environment variable behind each setting, for the README and error messages. */
export const configEnvNames: Readonly<Record<keyof Config, string>> = ENV;

export class ConfigError extends Error {}

/** Parses environment + overrides; throws a ConfigError naming each bad variable. */
export function loadConfig(overrides: Partial<ConfigInput> = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(ENV)) {
    const v = env[name];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  for (const [key, v] of Object.entries(overrides)) if (v !== undefined) raw[key] = v;
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0]) as keyof Config;
      return `  ${ENV[key] ?? key}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.dataDir) };
}
