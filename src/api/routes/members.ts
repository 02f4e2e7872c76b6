/** Member endpoints: search, profile, timeline, explicit merge and unmerge (admin key). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { memberPublicId } from '../../core/index.ts';
import { identityKindSchema } from '../../ingest/index.ts';
import { getMemberProfile, memberTimeline, mergeMembers, searchMembers, unmergeIdentity } from '../../members/index.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../error-handler.ts';
import { cursorQuery, errorSchema, memberListSchema, memberProfileSchema, timelineSchema } from '../schemas/index.ts';

const security = [{ adminKey: [] }];
const errors = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Unknown or missing admin key', content: { 'application/json': { schema: errorSchema } } },
  404: { description: 'No such member in this workspace', content: { 'application/json': { schema: errorSchema } } },
};
const idParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' }, example: 'mem_00001a' }) });

const list = createRoute({
  method: 'get',
  path: '/v1/members',
  tags: ['Members'],
  summary: 'Search members by name or identity; without a query, most recently seen first',
  security,
  request: { query: cursorQuery.extend({ query: z.string().max(200).optional() }) },
  responses: { 200: { description: 'Members', content: { 'application/json': { schema: memberListSchema } } }, ...errors },
});

const show = createRoute({
  method: 'get',
  path: '/v1/members/{id}',
  tags: ['Members'],
  summary: 'A member profile: identities, traits, first/last seen, counters, merge history',
  security,
  request: { params: idParam },
  responses: { 200: { description: 'Profile (follows merges: redirectedFrom says so)', content: { 'application/json': { schema: memberProfileSchema } } }, ...errors },
});

const timeline = createRoute({
  method: 'get',
  path: '/v1/members/{id}/events',
  tags: ['Members'],
  summary: "A member's timeline, newest first: what they did and what was done about them",
  security,
  request: { params: idParam, query: cursorQuery },
  responses: { 200: { description: 'Events', content: { 'application/json': { schema: timelineSchema } } }, ...errors },
});

const identityRef = z.object({ platform: z.string().min(1).max(64), kind: identityKindSchema, value: z.string().min(1).max(320) });

const merge = createRoute({
  method: 'post',
  path: '/v1/members/merge',
  tags: ['Members'],
  summary: 'Merge members explicitly (also two identified ones); the oldest survives',
  security,
  request: { body: { content: { 'application/json': { schema: z.object({ memberIds: z.array(z.string().max(40)).min(2).max(50) }) } }, required: true } },
  responses: {
    200: { description: 'Merged', content: { 'application/json': { schema: z.object({ memberId: z.string(), merged: z.array(z.string()) }) } } },
    ...errors,
  },
});

const unmerge = createRoute({
  method: 'post',
  path: '/v1/members/{id}/unmerge',
  tags: ['Members'],
  summary: 'Split one identity, with the events made through it, out into a new member',
  security,
  request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ identity: identityRef }) } }, required: true } },
  responses: {
    200: { description: 'Split', content: { 'application/json': { schema: z.object({ memberId: z.string(), newMemberId: z.string() }) } } },
    409: { description: 'The member has a single identity', content: { 'application/json': { schema: errorSchema } } },
    ...errors,
  },
});

export function memberRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/members', requireKey(['admin']));
  app.use('/v1/members/*', requireKey(['admin']));
  app.openapi(list, async (c) => {
    const q = c.req.valid('query');
    const ws = c.get('auth').workspace.id;
    return c.json(await searchMembers(c.get('sheyun').rows, ws, { limit: q.limit, ...(q.query ? { query: q.query } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) }), 200);
  });
  app.openapi(merge, async (c) => {
    const { memberIds } = c.req.valid('json');
    const s = c.get('sheyun');
    const r = await mergeMembers({ store: s.rows, now: s.clock.nowMicros() }, c.get('auth').workspace.id, memberIds);
    return c.json({ memberId: memberPublicId(r.memberId), merged: r.merged.map(memberPublicId) }, 200);
  });
  app.openapi(show, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(await getMemberProfile(c.get('sheyun').rows, c.get('auth').workspace.id, id), 200);
  });
  app.openapi(timeline, async (c) => {
    const { id } = c.req.valid('param');
    const q = c.req.valid('query');
    return c.json(await memberTimeline(c.get('sheyun').rows, c.get('auth').workspace.id, id, { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) }), 200);
  });
  app.openapi(unmerge, async (c) => {
    const { id } = c.req.valid('param');
    const { identity } = c.req.valid('json');
    const s = c.get('sheyun');
    const r = await unmergeIdentity({ store: s.rows, now: s.clock.nowMicros() }, c.get('auth').workspace.id, id, identity);
    return c.json({ memberId: memberPublicId(r.memberId), newMemberId: memberPublicId(r.newMemberId) }, 200);
  });
  return app;
}
