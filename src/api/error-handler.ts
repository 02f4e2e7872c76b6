/** The one place where errors become HTTP responses: `{ error: { code, message, field? } }`. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError } from '../core/index.ts';
import type { AppEnv } from './env.ts';

export function errorBody(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

export function handleError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError) return c.json(errorBody(err.code, err.message, err.field), err.status as ContentfulStatusCode);
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    return c.json(errorBody('invalid_request', issue?.message ?? 'invalid request', issue?.path.map(String).join('.') || undefined), 400);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 404 ? 'not_found' : 'invalid_request';
    return c.json(errorBody(code, err.message || code), status as ContentfulStatusCode);
  }
  c.get('sheyun')?.logger.error('unhandled error', { error: String(err), stack: err.stack, path: c.req.path });
  return c.json(errorBody('internal', 'internal error'), 500);
}

/** zod-openapi's hook: a request that fails its schema becomes a typed 400 naming the field. */
export function validationHook(result: { success: boolean; error?: unknown }): void {
  if (!result.success && result.error instanceof ZodError) {
    const issue = result.error.issues[0];
    throw new AppError('invalid_request', issue?.message ?? 'invalid request', { field: issue?.path.map(String).join('.') || '' });
  }
}
