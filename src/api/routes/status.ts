/** `GET /v1/status`: the same counts as `sheyun status --json`. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { workspaceStatus } from '../../analytics/index.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { errorSchema } from '../schemas/index.ts';

const statusSchema = z
  .object({
    workspace: z.string(),
    timeZone: z.string(),
    members: z.number().int(),
    mergedMembers: z.number().int(),
    identities: z.number().int(),
    events: z.number().int(),
    eventsByType: z.record(z.string(), z.number().int()),
    eventsByName: z.record(z.string(), z.number().int()),
  })
  .openapi('Status');

const route = createRoute({
  method: 'get',
  path: '/v1/status',
  tags: ['Statistics'],
  summary: 'Counts of members and of events by type and by name (exact, from the row store)',
  security: [{ adminKey: [] }],
  responses: {
    200: { description: 'Status', content: { 'application/json': { schema: statusSchema } } },
    401: { description: 'Unknown or missing admin key', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function statusRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/v1/status', requireKey(['admin']));
  app.openapi(route, async (c) => c.json(await workspaceStatus(c.get('sheyun').rows, c.get('auth').workspace), 200));
  return app;
}
