/** Member value: scoring settings, runs, the page's data (report, rules, RFM grid, CLV histogram), tier flows, one member's scores. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../../core/index.ts';
import { clvHistogram, latestReport, loadScoringSettings, memberScores, membershipChanges, rfmGrid, runScoring, saveScoringSettings, scoringRules, scoringRuns, tierFlows } from '../../segments/index.ts';
import type { Sheyun } from '../../main.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../error-handler.ts';
import { errorSchema, memberScoresSchema, membershipChangeSchema, runSummarySchema, scoringReportSchema, tierFlowSchema, valuePageSchema } from '../schemas/index.ts';

const security = [{ adminKey: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(errorSchema, 'Invalid request'),
  401: json(errorSchema, 'Unknown or missing admin key'),
};

export function columnsOf(s: Sheyun) {
  if (!s.columns) throw new AppError('unavailable', 'the column store is not open in this process (is another process holding it?)');
  return s.columns;
}

const settingsObject = z.record(z.string(), z.unknown()).openapi('ScoringSettings', { description: 'see docs/scoring.md; omitted fields take their defaults' });

const getSettings = createRoute({ method: 'get', path: '/v1/scoring/settings', tags: ['Member value'], summary: 'The scoring settings, defaults filled in', security, responses: { 200: json(settingsObject, 'Settings'), ...errors } });
const putSettings = createRoute({
  method: 'put',
  path: '/v1/scoring/settings',
  tags: ['Member value'],
  summary: 'Replace the scoring settings (validated; the error names the field)',
  security,
  request: { body: { content: { 'application/json': { schema: settingsObject } }, required: true } },
  responses: { 200: json(settingsObject, 'Saved settings'), ...errors },
});
const postRun = createRoute({
  method: 'post',
  path: '/v1/scoring/runs',
  tags: ['Member value'],
  summary: 'Score every member now (RFM, CLV, three densities, tiers, segments) and return the report',
  security,
  request: { body: { content: { 'application/json': { schema: z.object({ asOf: z.iso.datetime({ offset: true }).optional().openapi({ description: 'score as of this time (default: now)' }) }) } }, required: false } },
  responses: { 200: json(scoringReportSchema, 'The run'), 409: json(errorSchema, 'A run of this workspace is under way'), 503: json(errorSchema, 'Column store not available'), ...errors },
});
const listRuns = createRoute({
  method: 'get',
  path: '/v1/scoring/runs',
  tags: ['Member value'],
  summary: 'Recent scoring runs, newest first',
  security,
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }) },
  responses: { 200: json(z.object({ runs: z.array(runSummarySchema) }), 'Runs'), ...errors },
});
const valuePage = createRoute({
  method: 'get',
  path: '/v1/scoring/overview',
  tags: ['Member value'],
  summary: 'The latest report with the rules that made it, the RFM grid and the lifetime-value histogram',
  security,
  responses: { 200: json(valuePageSchema, 'Member value'), 503: json(errorSchema, 'Column store not available'), ...errors },
});
const flows = createRoute({
  method: 'get',
  path: '/v1/scoring/flows',
  tags: ['Member value'],
  summary: 'Tier sizes per run and the members who moved between tiers since the run before',
  security,
  request: { query: z.object({ kind: z.enum(['lifecycle_tier', 'communication_tier']).default('lifecycle_tier'), runs: z.coerce.number().int().min(1).max(52).default(12) }) },
  responses: { 200: json(z.object({ kind: z.string(), runs: z.array(tierFlowSchema) }), 'Flows'), ...errors },
});
const changes = createRoute({
  method: 'get',
  path: '/v1/scoring/changes',
  tags: ['Member value'],
  summary: 'Members who entered or left a tier or a segment, oldest first (what automations react to)',
  security,
  request: {
    query: z.object({
      run: z.coerce.number().int().positive().optional().openapi({ description: 'only this scoring run' }),
      kind: z.enum(['lifecycle_tier', 'communication_tier', 'segment']).optional(),
      subject: z.string().max(64).optional().openapi({ description: 'a segment key, or the tier kind' }),
      cursor: z.coerce.number().int().nonnegative().optional().openapi({ description: 'the `next` of the previous page' }),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  },
  responses: {
    200: json(
      z.object({
        changes: z.array(membershipChangeSchema),
        next: z.number().int().nullable(),
      }),
      'Changes (from null: entered; to null: left)',
    ),
    ...errors,
  },
});

const member = createRoute({
  method: 'get',
  path: '/v1/members/{id}/scores',
  tags: ['Member value'],
  summary: "A member's scores from the latest run, with the components behind each density",
  security,
  request: { params: z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'mem_00001a' }) }) },
  responses: { 200: json(z.object({ scores: memberScoresSchema.nullable() }), 'Scores (null before the member was first scored)'), 404: json(errorSchema, 'No such member'), ...errors },
});

export function scoringRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/scoring/*', requireKey(['admin']));
  app.use('/v1/members/:id/scores', requireKey(['admin']));
  app.openapi(getSettings, async (c) => c.json(await loadScoringSettings(c.get('sheyun').rows, c.get('auth').workspace.id), 200));
  app.openapi(putSettings, async (c) => {
    const s = c.get('sheyun');
    return c.json(await saveScoringSettings(s.rows, c.get('auth').workspace.id, c.req.valid('json'), s.clock.nowMicros()), 200);
  });
  app.openapi(postRun, async (c) => {
    const s = c.get('sheyun');
    const body = c.req.header('content-type')?.includes('json') ? c.req.valid('json') : {};
    const ws = c.get('auth').workspace;
    const now = s.clock.nowMicros();
    const asOf = body?.asOf ? Date.parse(body.asOf) * 1000 : now;
    return c.json(await runScoring(s.rows, columnsOf(s), { id: ws.id, timeZone: ws.timeZone }, { asOf, now, events: s.events }), 200);
  });
  app.openapi(listRuns, async (c) => c.json({ runs: await scoringRuns(c.get('sheyun').rows, c.get('auth').workspace.id, c.req.valid('query').limit) }, 200));
  app.openapi(valuePage, async (c) => {
    const s = c.get('sheyun');
    const ws = c.get('auth').workspace;
    const cols = columnsOf(s);
    const settings = await loadScoringSettings(s.rows, ws.id);
    return c.json({ report: await latestReport(s.rows, ws.id), rules: scoringRules(settings), rfmGrid: await rfmGrid(cols, ws.id), clv: await clvHistogram(cols, ws.id), timeZone: ws.timeZone }, 200);
  });
  app.openapi(flows, async (c) => {
    const q = c.req.valid('query');
    return c.json({ kind: q.kind, runs: await tierFlows(c.get('sheyun').rows, c.get('auth').workspace.id, q.kind, q.runs) }, 200);
  });
  app.openapi(changes, async (c) => {
    const q = c.req.valid('query');
    const page = await membershipChanges(c.get('sheyun').rows, c.get('auth').workspace.id, {
      limit: q.limit,
      ...(q.run !== undefined ? { runId: q.run } : {}),
      ...(q.kind ? { kind: q.kind } : {}),
      ...(q.subject ? { subject: q.subject } : {}),
      ...(q.cursor !== undefined ? { after: q.cursor } : {}),
    });
    return c.json(page, 200);
  });
  app.openapi(member, async (c) => c.json({ scores: await memberScores(c.get('sheyun').rows, c.get('auth').workspace.id, c.req.valid('param').id) }, 200));
  return app;
}
