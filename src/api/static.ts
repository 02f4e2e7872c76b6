/** Serves the built console (web/dist) at `/`, with index.html for unknown non-API paths. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function mountConsole(app: OpenAPIHono<AppEnv>, dist = WEB_DIST): void {
  app.get('*', (c) => {
    const p = c.req.path;
    if (p.startsWith('/v1/')) return c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${p}` } }, 404);
    const rel = path.normalize(decodeURIComponent(p)).replace(/^(\.\.[/\\])+/, '');
    let file = path.join(dist, rel);
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dist, 'index.html');
    if (!fs.existsSync(file)) {
      return c.text('The console is not built: run `npm run build:web` (npm start does it for you).', 503);
    }
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
    return c.body(fs.readFileSync(file), 200, { 'content-type': type, 'cache-control': cache });
  });
}
