/**
 * Segment-compatible tracking endpoints: /v1/track, /identify, /alias, /page, /screen, /group and /v1/batch.
 * Limits are checked before parsing (413); malformed JSON is a 400; in a batch, valid messages are stored and each
 * rejected one is listed with its index, a machine code and the field.
 */
import type { Context } from 'hono';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/index.ts';
import { batchSchema, ingestMessages } from '../../ingest/index.ts';
import { requireKey } from '../auth.ts';
import type { AppEnv } from '../env.ts';
import { errorBody } from '../error-handler.ts';
import { registerIngestDocs } from './ingest-docs.ts';

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid_json', 'request body is not valid JSON', { cause: err });
  }
}

function limit(bytes: number) {
  return bodyLimit({
    maxSize: bytes,
    // The rest of the body is never read, so this connection cannot carry another request: close it.
    onError: (c) => c.json(errorBody('payload_too_large', `request body is larger than ${bytes} bytes`), 413, { connection: 'close' }),
  });
}

async function store(c: Context<AppEnv>, messages: unknown[], batchContext?: Record<string, unknown>) {
  const sheyun = c.get('sheyun');
  const auth = c.get('auth');
  const out = await ingestMessages(sheyun.ingest, { workspaceId: auth.workspace.id, defaultPlatform: auth.platform, ...(batchContext ? { batchContext } : {}) }, messages);
  return {
    success: out.rejected.length === 0,
    accepted: out.accepted,
    duplicates: out.duplicates,
    rejected: out.rejected,
    warnings: out.warnings,
  };
}

export function ingestRoutes(config: { maxBatchBytes: number; maxMessageBytes: number }) {
  const app = new OpenAPIHono<AppEnv>();
  const writers = requireKey(['write', 'admin']);

  for (const type of ['track', 'identify', 'alias', 'page', 'screen', 'group'] as const) {
    app.post(`/v1/${type}`, limit(config.maxMessageBytes), writers, async (c) => {
      const body = await readJson(c);
      const message = body && typeof body === 'object' && !Array.isArray(body) ? { ...(body as object), type } : body;
      const result = await store(c, [message]);
      const first = result.rejected[0];
      if (first) return c.json({ ...errorBody(first.code, first.message, first.field), ...result }, 400);
      return c.json(result, 200);
    });
  }

  app.post('/v1/batch', limit(config.maxBatchBytes), writers, async (c) => {
    const body = await readJson(c);
    const parsed = batchSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError('invalid_request', issue?.message ?? 'invalid batch', { field: issue?.path.map(String).join('.') || 'batch' });
    }
    const result = await store(c, parsed.data.batch, parsed.data.context);
    if (result.accepted === 0 && result.duplicates === 0 && result.rejected.length > 0) {
      const first = result.rejected[0]!;
      return c.json({ ...errorBody(first.code, `no message in the batch was valid; first: ${first.message}`, first.field), ...result }, 400);
    }
    return c.json(result, 200);
  });

  registerIngestDocs(app);
  return app;
}
