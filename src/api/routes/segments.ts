/** Segments: define, list, change, delete, preview (count and sample), export as CSV, check one member. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { checkMember, deleteSegment, getSegment, listSegments, parseSegment, previewSegment, saveSegment, segmentCsv } from '../../segments/index.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../error-handler.ts';
import { errorSchema, segmentSchema } from '../schemas/index.ts';
import { columnsOf } from './scoring.ts';

const security = [{ adminKey: [] }];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = { 400: json(errorSchema, 'Invalid request (the field names the node, e.g. definition.of.1.value)'), 401: json(errorSchema, 'Unknown or missing admin key') };
const keyParam = z.object({ key: z.string().max(64).openapi({ param: { name: 'key', in: 'path' }, example: 'high-value-at-risk' }) });
const definition = z.unknown().openapi({
  description: 'segment AST (docs/segments.md)',
  example: { kind: 'and', of: [{ kind: 'tier', tier: 'lifecycle_tier', op: 'eq', value: 'churn_warning' }, { kind: 'score', score: 'clv', op: 'gte', value: 50000 }] },
});
const body = z.object({ name: z.string().min(1).max(200), definition });

const list = createRoute({ method: 'get', path: '/v1/segments', tags: ['Segments'], summary: 'Saved segments', security, responses: { 200: json(z.object({ segments: z.array(segmentSchema) }), 'Segments'), ...errors } });
const create = createRoute({
  method: 'post',
  path: '/v1/segments',
  tags: ['Segments'],
  summary: 'Save a new segment; its members are computed by the next scoring run',
  security,
  request: { body: { content: { 'application/json': { schema: body.extend({ key: z.string().max(64) }) } }, required: true } },
  responses: { 201: json(segmentSchema, 'Created'), 409: json(errorSchema, 'A segment with this key exists'), ...errors },
});
const show = createRoute({ method: 'get', path: '/v1/segments/{key}', tags: ['Segments'], summary: 'One segment', security, request: { params: keyParam }, responses: { 200: json(segmentSchema, 'Segment'), 404: json(errorSchema, 'No such segment'), ...errors } });
const update = createRoute({
  method: 'put',
  path: '/v1/segments/{key}',
  tags: ['Segments'],
  summary: "Change a segment's name or definition",
  security,
  request: { params: keyParam, body: { content: { 'application/json': { schema: body } }, required: true } },
  responses: { 200: json(segmentSchema, 'Saved'), 404: json(errorSchema, 'No such segment'), ...errors },
});
const remove = createRoute({ method: 'delete', path: '/v1/segments/{key}', tags: ['Segments'], summary: 'Delete a segment (its history stays)', security, request: { params: keyParam }, responses: { 204: { description: 'Deleted' }, 404: json(errorSchema, 'No such segment'), ...errors } });
const preview = createRoute({
  method: 'post',
  path: '/v1/segments/preview',
  tags: ['Segments'],
  summary: 'How many members a definition selects now (over the latest scores), with a sample',
  security,
  request: { body: { content: { 'application/json': { schema: z.object({ definition, sample: z.number().int().min(0).max(200).default(20) }) } }, required: true } },
  responses: { 200: json(z.object({ count: z.number().int(), scored: z.number().int(), sample: z.array(z.string()) }), 'Preview'), 503: json(errorSchema, 'Column store not available'), ...errors },
});
const exportCsv = createRoute({
  method: 'get',
  path: '/v1/segments/{key}/export.csv',
  tags: ['Segments'],
  summary: "The segment's members with their tiers and scores, as CSV",
  security,
  request: { params: keyParam },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, 404: json(errorSchema, 'No such segment'), ...errors },
});
const check = createRoute({
  method: 'get',
  path: '/v1/segments/{key}/members/{id}',
  tags: ['Segments'],
  summary: 'Whether one member is in the segment now (evaluated in memory from the row store)',
  security,
  request: { params: keyParam.extend({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(z.object({ segment: z.string(), memberId: z.string(), member: z.boolean() }), 'Membership'), 404: json(errorSchema, 'No such segment or member'), ...errors },
});

export function segmentRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/segments', requireKey(['admin']));
  app.use('/v1/segments/*', requireKey(['admin']));
  const ws = (c: { get(k: 'auth'): { workspace: { id: number } } }) => c.get('auth').workspace.id;
  app.openapi(list, async (c) => c.json({ segments: await listSegments(c.get('sheyun').rows, ws(c)) }, 200));
  app.openapi(preview, async (c) => {
    const s = c.get('sheyun');
    const b = c.req.valid('json');
    return c.json(await previewSegment(columnsOf(s), ws(c), b.definition, s.clock.nowMicros(), b.sample), 200);
  });
  app.openapi(create, async (c) => {
    const s = c.get('sheyun');
    return c.json(await saveSegment(s.rows, ws(c), c.req.valid('json'), s.clock.nowMicros(), 'create'), 201);
  });
  app.openapi(show, async (c) => c.json(await getSegment(c.get('sheyun').rows, ws(c), c.req.valid('param').key), 200));
  app.openapi(update, async (c) => {
    const s = c.get('sheyun');
    return c.json(await saveSegment(s.rows, ws(c), { key: c.req.valid('param').key, ...c.req.valid('json') }, s.clock.nowMicros(), 'update'), 200);
  });
  app.openapi(remove, async (c) => {
    await deleteSegment(c.get('sheyun').rows, ws(c), c.req.valid('param').key);
    return c.body(null, 204);
  });
  app.openapi(exportCsv, async (c) => {
    const s = c.get('sheyun');
    const seg = await getSegment(s.rows, ws(c), c.req.valid('param').key);
    const csv = await segmentCsv(columnsOf(s), ws(c), parseSegment(seg.definition), s.clock.nowMicros());
    c.header('content-disposition', `attachment; filename="segment-${seg.key}.csv"`);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });
  app.openapi(check, async (c) => {
    const s = c.get('sheyun');
    const { key, id } = c.req.valid('param');
    const seg = await getSegment(s.rows, ws(c), key);
    return c.json({ segment: key, memberId: id, member: await checkMember(s.rows, ws(c), parseSegment(seg.definition), id, s.clock.nowMicros()) }, 200);
  });
  return app;
}
