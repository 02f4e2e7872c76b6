/** `/openapi.json` (generated from the zod schemas) and `/docs` (Swagger UI, served from the installed package). */
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

const require = createRequire(import.meta.url);
const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sheyun API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });</script>
</body></html>`;

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'application/javascript', '.png': 'image/png' };

export function mountDocs(app: OpenAPIHono<AppEnv>, version: string): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'adminKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'An admin key of the workspace (`sheyun keys create --kind admin`)',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Sheyun API',
      version,
      description:
        'Sheyun (社运) community-operations platform. Tracking endpoints follow the Segment HTTP spec (write key as Basic username). ' +
        'Everything else needs a workspace admin key as a Bearer token. Errors: `{ error: { code, message, field? } }`.',
    },
  });
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/assets/:file', (c) => {
    const file = path.basename(c.req.param('file'));
    const full = path.join(swaggerDir, file);
    const type = TYPES[path.extname(file)];
    if (!type || !fs.existsSync(full)) return c.notFound();
    return c.body(fs.readFileSync(full), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
  });
}
