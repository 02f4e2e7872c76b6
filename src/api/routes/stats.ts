/** Workspace statistics: the overview page's numbers and the status counts. */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { overview } from '../../analytics/index.ts';
import { columnWatermark } from '../../ingest/index.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../error-handler.ts';
import { errorSchema, overviewSchema } from '../schemas/index.ts';

const route = createRoute({
  method: 'get',
  path: '/v1/stats/overview',
  tags: ['Statistics'],
  summary: 'Live counts and events per day (days in the workspace time zone, named in the response)',
  security: [{ adminKey: [] }],
  request: { query: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }) },
  responses: {
    200: { description: 'Overview', content: { 'application/json': { schema: overviewSchema } } },
    401: { description: 'Unknown or missing admin key', content: { 'application/json': { schema: errorSchema } } },
  },
});

export function statsRoutes() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use('/v1/stats/*', requireKey(['admin']));
  app.openapi(route, async (c) => {
    const s = c.get('sheyun');
    const watermark = s.columns ? await columnWatermark(s.columns) : 0;
    const body = await overview(s.rows, s.columns, c.get('auth').workspace, { now: s.clock.nowMicros(), days: c.req.valid('query').days, watermark });
    return c.json(body, 200);
  });
  return app;
}
