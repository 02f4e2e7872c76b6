/** The HTTP application: tracking, members, statistics, API docs and the console, with one error handler. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Sheyun } from '../main.ts';
import { mountDocs } from './docs.ts';
import type { AppEnv } from './env.ts';
import { errorBody, handleError } from './error-handler.ts';
import { gamificationRoutes } from './routes/gamification.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { memberRoutes } from './routes/members.ts';
import { scoringRoutes } from './routes/scoring.ts';
import { segmentRoutes } from './routes/segments.ts';
import { statsRoutes } from './routes/stats.ts';
import { statusRoutes } from './routes/status.ts';
import { mountConsole } from './static.ts';

export const API_VERSION = '0.1.0';

export function createApp(sheyun: Sheyun): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('sheyun', sheyun);
    await next();
  });
  app.onError(handleError);
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.route('/', ingestRoutes(sheyun.config));
  app.route('/', scoringRoutes());
  app.route('/', segmentRoutes());
  app.route('/', gamificationRoutes());
  app.route('/', memberRoutes());
  app.route('/', statsRoutes());
  app.route('/', statusRoutes());
  mountDocs(app, API_VERSION);
  app.all('/v1/*', (c) => c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path}`), 404));
  mountConsole(app);
  return app;
}
