/** OpenAPI descriptions of the tracking endpoints (they parse their bodies themselves, to accept partial batches). */
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { messageSchema, ingestResultSchema } from '../../ingest/index.ts';
import type { AppEnv } from '../env.ts';
import { errorSchema } from '../schemas/index.ts';

const resultSchema = ingestResultSchema
  .extend({
    warnings: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
  })
  .openapi('IngestResult');

const responses = {
  200: { description: 'Stored (acknowledged = committed). Rejected messages, if any, are listed.', content: { 'application/json': { schema: resultSchema } } },
  400: { description: 'Malformed JSON, or no valid message', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Unknown or missing write key', content: { 'application/json': { schema: errorSchema } } },
  413: { description: 'Body over the size limit (500 KB for a batch, 32 KB for a single call)', content: { 'application/json': { schema: errorSchema } } },
};

export function registerIngestDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'writeKey', {
    type: 'http',
    scheme: 'basic',
    description: 'Segment style: the write key as username, empty password',
  });
  const message = app.openAPIRegistry.register('Message', messageSchema as never);
  for (const type of ['track', 'identify', 'alias', 'page', 'screen', 'group']) {
    app.openAPIRegistry.registerPath({
      method: 'post',
      path: `/v1/${type}`,
      tags: ['Tracking (Segment spec)'],
      summary: `Segment ${type} call`,
      security: [{ writeKey: [] }],
      request: { body: { content: { 'application/json': { schema: message } } } },
      responses,
    });
  }
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/v1/batch',
    tags: ['Tracking (Segment spec)'],
    summary: 'Segment batch: many messages in one request (≤ 500 KB)',
    security: [{ writeKey: [] }],
    request: {
      body: {
        content: {
          'application/json': { schema: z.object({ batch: z.array(message), context: z.record(z.string(), z.unknown()).optional() }) },
        },
      },
    },
    responses,
  });
}
