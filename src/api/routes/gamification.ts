/**
 * Incentives as a service. Operators: the configuration (versioned, validated), presets, replay, the catalogue,
 * leaderboards and payout reports. Apps (server side, admin key): award points idempotently, and read a member's
 * balance, ledger, level with privileges, badges and rank. Members are `mem_…` ids or the app's own user ids.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { memberPublicId } from '../../core/index.ts';
import {
  activeConfig,
  AWARD_EVENT,
  AWARD_RULE_ID,
  badgeAwards,
  badgeHolders,
  catchUpLeaderboards,
  configVersions,
  leaderboardTop,
  levelHolders,
  memberIncentives,
  memberLedger,
  memberRank,
  payoutCsv,
  payoutReport,
  periodKey,
  PRESETS,
  presetConfig,
  privilegesOf,
  replayGamification,
  resolveMember,
  saveConfig,
  validateConfig,
  withAwardRule,
  type PresetName,
} from '../../gamification/index.ts';
import { ingestMessages } from '../../ingest/index.ts';
import { memberNames } from '../../members/index.ts';
import type { Sheyun } from '../../main.ts';
import { AppError } from '../../core/index.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../error-handler.ts';
import {
  catalogueSchema,
  configVersionSchema,
  errorSchema,
  ledgerEntrySchema,
  memberIncentivesSchema,
  payoutReportSchema,
  rankedMemberSchema,
  replayReportSchema,
} from '../schemas/index.ts';

const security = [{ adminKey: [] }];
const tags = ['Incentives'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(errorSchema, 'Invalid request'), 401: json(errorSchema, 'Unknown or missing admin key'), 404: json(errorSchema, 'Not found') };
const memberParam = z.object({
  member: z.string().min(1).max(200).openapi({ param: { name: 'member', in: 'path' }, description: 'a member id (mem_…) or your app’s user id', example: 'mem_00001a' }),
});
const platformQuery = z.string().max(64).optional().openapi({ description: 'the platform of a user id (default: the key’s platform)' });
const periodQuery = {
  board: z.string().max(80).default('all').openapi({ description: "'all', or 'category:<name>' for a rule category" }),
  period: z.enum(['all', 'month', 'week', 'day']).default('all'),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().openapi({ description: 'a day in the month/week/day wanted (default: today)' }),
};

const getConfig = createRoute({ method: 'get', path: '/v1/gamification/config', tags, security, summary: 'The configuration in force (points rules, badges, levels)', responses: { 200: json(configVersionSchema, 'Configuration'), ...errors } });
const putConfig = createRoute({
  method: 'put',
  path: '/v1/gamification/config',
  tags,
  security,
  summary: 'Save a new configuration version (validated; the error names the field). New events follow it at once; replay applies it to the past',
  request: { body: { content: { 'application/json': { schema: z.object({ config: z.record(z.string(), z.unknown()), note: z.string().max(500).optional() }) } }, required: true } },
  responses: { 200: json(configVersionSchema, 'Saved'), ...errors },
});
const validate = createRoute({
  method: 'post',
  path: '/v1/gamification/config/validate',
  tags,
  security,
  summary: 'Check a configuration without saving it: every problem with the field it names (paths relative to `config`)',
  request: { body: { content: { 'application/json': { schema: z.object({ config: z.record(z.string(), z.unknown()) }) } }, required: true } },
  responses: { 200: json(z.object({ valid: z.boolean(), issues: z.array(z.object({ field: z.string(), message: z.string() })) }), 'The verdict'), ...errors },
});
const versions = createRoute({
  method: 'get',
  path: '/v1/gamification/config/versions',
  tags,
  security,
  summary: 'Every saved configuration version, newest first',
  responses: { 200: json(z.object({ versions: z.array(z.object({ version: z.number().int(), note: z.string().nullable(), createdAt: z.number() })) }), 'Versions'), ...errors },
});
const installPreset = createRoute({
  method: 'post',
  path: '/v1/gamification/presets/{name}',
  tags,
  security,
  summary: 'Install a preset as a new configuration version, and replay the events so far under it',
  request: { params: z.object({ name: z.enum(Object.keys(PRESETS) as [PresetName, ...PresetName[]]).openapi({ param: { name: 'name', in: 'path' } }) }) },
  responses: { 200: json(z.object({ version: z.number().int(), replay: replayReportSchema }), 'Installed'), ...errors },
});
const replay = createRoute({ method: 'post', path: '/v1/gamification/replay', tags, security, summary: 'Recompute ledger, badges, levels and leaderboards from every event', responses: { 200: json(replayReportSchema, 'Replayed'), ...errors } });
const catalogue = createRoute({ method: 'get', path: '/v1/gamification/catalogue', tags, security, summary: 'Rules, badges and levels with how many members hold each, and the presets', responses: { 200: json(catalogueSchema, 'Catalogue'), ...errors } });
const holders = createRoute({
  method: 'get',
  path: '/v1/gamification/badges/{badge}/holders',
  tags,
  security,
  summary: 'Recent holders of a badge, newest first',
  request: { params: z.object({ badge: z.string().max(64).openapi({ param: { name: 'badge', in: 'path' } }) }), query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }) },
  responses: { 200: json(z.object({ holders: z.array(z.object({ member: z.string(), label: z.string(), awardedAt: z.number(), day: z.string(), subject: z.string().nullable() })) }), 'Holders'), ...errors },
});
const leaderboard = createRoute({
  method: 'get',
  path: '/v1/gamification/leaderboards',
  tags,
  security,
  summary: 'The top of a leaderboard (dense rank: equal points share a rank)',
  request: { query: z.object({ ...periodQuery, limit: z.coerce.number().int().min(1).max(500).default(100), offset: z.coerce.number().int().min(0).max(1_000_000).default(0) }) },
  responses: { 200: json(z.object({ board: z.string(), period: z.string(), timeZone: z.string(), rows: z.array(rankedMemberSchema) }), 'Leaderboard'), ...errors },
});
const award = createRoute({
  method: 'post',
  path: '/v1/gamification/award',
  tags,
  security,
  summary: 'Award (or take) points for something your app decided; idempotent by `idempotencyKey`',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              userId: z.string().min(1).max(200),
              platform: platformQuery,
              points: z.number().int().min(-1_000_000).max(1_000_000).refine((p) => p !== 0, 'points must not be 0'),
              reason: z.string().min(1).max(200),
              idempotencyKey: z.string().min(1).max(200),
              timestamp: z.iso.datetime({ offset: true }).optional(),
            })
            .strict(),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(z.object({ duplicate: z.boolean(), entry: ledgerEntrySchema.nullable(), points: z.number().int() }), 'The ledger entry and the new balance'), ...errors },
});
const member = createRoute({
  method: 'get',
  path: '/v1/gamification/members/{member}',
  tags,
  security,
  summary: 'A member’s balance, level and privileges, badges and all-time rank',
  request: { params: memberParam, query: z.object({ platform: platformQuery }) },
  responses: { 200: json(memberIncentivesSchema, 'Incentives'), ...errors },
});
const ledger = createRoute({
  method: 'get',
  path: '/v1/gamification/members/{member}/ledger',
  tags,
  security,
  summary: 'A member’s points history with the rule behind each entry, newest first',
  request: { params: memberParam, query: z.object({ platform: platformQuery, limit: z.coerce.number().int().min(1).max(500).default(50), before: z.coerce.number().int().positive().optional() }) },
  responses: { 200: json(z.object({ entries: z.array(ledgerEntrySchema), next: z.number().int().nullable() }), 'Ledger'), ...errors },
});
const rank = createRoute({
  method: 'get',
  path: '/v1/gamification/members/{member}/rank',
  tags,
  security,
  summary: 'A member’s rank on a leaderboard with neighbours',
  request: { params: memberParam, query: z.object({ ...periodQuery, platform: platformQuery, around: z.coerce.number().int().min(0).max(50).default(3) }) },
  responses: {
    200: json(z.object({ board: z.string(), period: z.string(), member: rankedMemberSchema.nullable(), above: z.array(rankedMemberSchema), below: z.array(rankedMemberSchema), members: z.number().int() }), 'Rank'),
    ...errors,
  },
});
const payouts = createRoute({
  method: 'post',
  path: '/v1/gamification/payouts',
  tags,
  security,
  summary: 'Split a revenue pool among members by points of a period (largest remainder: Σ payouts = pool); `?format=csv` for the report file',
  request: {
    query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
    body: { content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description: '{ from, to, pool: { amount, currency }, rules?, categories?, minPoints?, minPayout? }' }) } }, required: true },
  },
  responses: { 200: { description: 'Report', content: { 'application/json': { schema: payoutReportSchema }, 'text/csv': { schema: z.string() } } }, ...errors },
});

const today = (s: Sheyun) => new Date(s.clock.nowMicros() / 1000).toISOString().slice(0, 10);

async function labelled(s: Sheyun, ws: number, rows: { memberId: number; points: number; rank: number }[]) {
  const names = await memberNames(s.rows.db, ws, rows.map((r) => r.memberId));
  return rows.map((r) => ({ member: memberPublicId(r.memberId), label: names.get(r.memberId) ?? memberPublicId(r.memberId), points: r.points, rank: r.rank }));
}

export function gamificationRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/gamification/*', requireKey(['admin']));
  app.openapi(getConfig, async (c) => {
    const cfg = await activeConfig(c.get('sheyun').rows.db, c.get('auth').workspace.id);
    if (!cfg) throw new AppError('not_found', 'no incentive configuration yet: install a preset or save one', { field: 'config' });
    return c.json({ version: cfg.version, note: cfg.note, createdAt: cfg.createdAt, config: cfg.config as Record<string, unknown> }, 200);
  });
  app.openapi(putConfig, async (c) => {
    const s = c.get('sheyun');
    const body = c.req.valid('json');
    const saved = await saveConfig(s.rows, c.get('auth').workspace.id, body.config, body.note ?? null, s.clock.nowMicros()).catch((err: unknown) => {
      // zod's issue paths are relative to the configuration; the request field is `config`.
      if (err instanceof Error && 'issues' in err) {
        const issue = (err as { issues: { path: PropertyKey[]; message: string }[] }).issues[0];
        throw new AppError('invalid_request', issue?.message ?? 'invalid configuration', { field: ['config', ...(issue?.path ?? []).map(String)].join('.') });
      }
      throw err;
    });
    return c.json({ version: saved.version, note: saved.note, createdAt: saved.createdAt, config: saved.config as Record<string, unknown> }, 200);
  });
  app.openapi(validate, async (c) => {
    const r = validateConfig(c.req.valid('json').config);
    return c.json({ valid: r.valid, issues: r.issues.map((i) => ({ field: ['config', i.field].filter(Boolean).join('.'), message: i.message })) }, 200);
  });
  app.openapi(versions, async (c) => c.json({ versions: await configVersions(c.get('sheyun').rows.db, c.get('auth').workspace.id) }, 200));
  app.openapi(installPreset, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace.id;
    const name = c.req.valid('param').name;
    const saved = await saveConfig(s.rows, ws, presetConfig(name), `preset ${name}`, s.clock.nowMicros());
    const report = await replayGamification(s.rows, ws, s.clock.nowMicros());
    await catchUpLeaderboards(s.rows, ws);
    return c.json({ version: saved.version, replay: report }, 200);
  });
  app.openapi(replay, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace.id;
    const report = await replayGamification(s.rows, ws, s.clock.nowMicros());
    await catchUpLeaderboards(s.rows, ws);
    return c.json(report, 200);
  });
  app.openapi(catalogue, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace;
    const cfg = await activeConfig(s.rows.db, ws.id);
    const [badges, levels] = await Promise.all([badgeHolders(s.rows.db, ws.id), levelHolders(s.rows.db, ws.id)]);
    const config = cfg?.config ?? null;
    const rules = config ? withAwardRule(config.points).rules : [];
    return c.json(
      {
        version: cfg?.version ?? null,
        timeZone: config?.points?.timeZone ?? ws.timeZone,
        rules: rules as unknown as Record<string, unknown>[],
        badges: (config?.badges ?? []).map((b) => ({ definition: b as unknown as Record<string, unknown>, ...(badges.get(b.id) ?? { awards: 0, members: 0 }) })),
        levels: (config?.levels?.levels ?? []).map((l) => ({ definition: l as unknown as Record<string, unknown>, members: levels.get(l.id) ?? 0, privileges: privilegesOf(config, l.id) })),
        presets: Object.entries(PRESETS).map(([id, p]) => ({ id, name: p.name, description: p.description })),
      },
      200,
    );
  });
  app.openapi(holders, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace.id;
    const rows = await badgeAwards(s.rows.db, ws, c.req.valid('param').badge, c.req.valid('query').limit);
    const names = await memberNames(s.rows.db, ws, rows.map((r) => r.memberId));
    return c.json({ holders: rows.map((r) => ({ member: memberPublicId(r.memberId), label: names.get(r.memberId) ?? memberPublicId(r.memberId), awardedAt: r.awardedAt, day: r.day, subject: r.subject })) }, 200);
  });
  app.openapi(leaderboard, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace;
    const q = c.req.valid('query');
    await catchUpLeaderboards(s.rows, ws.id);
    const period = periodKey(q.period, q.day ?? today(s));
    const rows = await leaderboardTop(s.rows.boards.db, ws.id, { board: q.board, period, limit: q.limit, offset: q.offset });
    const cfg = await activeConfig(s.rows.db, ws.id);
    return c.json({ board: q.board, period, timeZone: cfg?.config.points?.timeZone ?? ws.timeZone, rows: await labelled(s, ws.id, rows) }, 200);
  });
  app.openapi(award, async (c) => {
    const s = c.get('sheyun');
    const auth = c.get('auth');
    const body = c.req.valid('json');
    const ws = auth.workspace.id;
    const eventId = `award:${body.idempotencyKey}`;
    const outcome = await ingestMessages(s.ingest, { workspaceId: ws, defaultPlatform: body.platform ?? auth.platform }, [
      {
        type: 'track',
        event: AWARD_EVENT,
        userId: body.userId,
        messageId: eventId,
        properties: { points: body.points, reason: body.reason },
        ...(body.timestamp ? { timestamp: body.timestamp } : {}),
      },
    ]);
    if (outcome.rejected.length > 0) {
      const r = outcome.rejected[0]!;
      throw new AppError('invalid_request', r.message, { field: r.field });
    }
    const memberId = await resolveMember(s.rows.db, ws, body.userId, body.platform ?? auth.platform);
    const [entry] = (await memberLedger(s.rows.db, ws, memberId, { limit: 1, key: `${AWARD_RULE_ID}:${eventId}` })) ?? [];
    const balance = await memberIncentives(s.rows, ws, memberId, s.clock.nowMicros());
    return c.json({ duplicate: outcome.duplicates > 0, entry: entry ? { ...entry, ruleName: { en: 'Awarded by the app', zh: '应用直接发放' } } : null, points: balance.points }, 200);
  });
  app.openapi(member, async (c) => {
    const s = c.get('sheyun');
    const auth = c.get('auth');
    const ws = auth.workspace.id;
    const id = await resolveMember(s.rows.db, ws, c.req.valid('param').member, c.req.valid('query').platform ?? auth.platform);
    const m = await memberIncentives(s.rows, ws, id, s.clock.nowMicros());
    return c.json({ member: memberPublicId(id), points: m.points, level: m.level, progress: m.progress, badges: m.badges, rank: m.rank }, 200);
  });
  app.openapi(ledger, async (c) => {
    const s = c.get('sheyun');
    const auth = c.get('auth');
    const ws = auth.workspace.id;
    const q = c.req.valid('query');
    const id = await resolveMember(s.rows.db, ws, c.req.valid('param').member, q.platform ?? auth.platform);
    const entries = await memberLedger(s.rows.db, ws, id, { limit: q.limit, ...(q.before !== undefined ? { before: q.before } : {}) });
    const cfg = await activeConfig(s.rows.db, ws);
    const names = new Map(withAwardRule(cfg?.config.points).rules.map((r) => [r.id, r.name]));
    return c.json({ entries: entries.map((e) => ({ ...e, ruleName: names.get(e.ruleId) ?? null })), next: entries.length === q.limit ? entries[entries.length - 1]!.id : null }, 200);
  });
  app.openapi(rank, async (c) => {
    const s = c.get('sheyun');
    const auth = c.get('auth');
    const ws = auth.workspace.id;
    const q = c.req.valid('query');
    const id = await resolveMember(s.rows.db, ws, c.req.valid('param').member, q.platform ?? auth.platform);
    await catchUpLeaderboards(s.rows, ws);
    const period = periodKey(q.period, q.day ?? today(s));
    const r = await memberRank(s.rows.boards.db, ws, { board: q.board, period, memberId: id, around: q.around });
    if (!r) return c.json({ board: q.board, period, member: null, above: [], below: [], members: 0 }, 200);
    const [me, ...rest] = await labelled(s, ws, [r.member, ...r.above, ...r.below]);
    return c.json({ board: q.board, period, member: me!, above: rest.slice(0, r.above.length), below: rest.slice(r.above.length), members: r.members }, 200);
  });
  app.openapi(payouts, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace.id;
    const report = await payoutReport(s.rows.db, ws, c.req.valid('json'));
    if (c.req.valid('query').format === 'csv') {
      return c.body(payoutCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="payouts-${report.period.from}-${report.period.to}.csv"` });
    }
    const label = (m: number) => report.labels[m] ?? memberPublicId(m);
    return c.json(
      {
        period: report.period,
        pool: report.pool,
        totalPoints: report.totalPoints,
        rows: report.rows.map((r) => ({ member: memberPublicId(r.memberId), label: label(r.memberId), points: r.points, share: r.share, amount: r.amount })),
        excluded: report.excluded.map((r) => ({ member: memberPublicId(r.memberId), label: label(r.memberId), points: r.points, reason: r.reason })),
        undistributed: report.undistributed,
      },
      200,
    );
  });
  return app;
}
