/** Step 1 of ingest: one raw message → a validated message, or a rejection with its index, a code and the field. */
import type { z } from 'zod';
import { messageSchema, type IngestMessage, type Rejection } from './schema.ts';

export type Validated = { ok: true; message: IngestMessage } | { ok: false; rejection: Rejection };

const ZOD_CODES: Record<string, string> = {
  invalid_type: 'invalid_type',
  too_big: 'too_long',
  too_small: 'too_short',
  invalid_format: 'invalid_format',
  invalid_value: 'invalid_value',
  invalid_union: 'invalid_value',
  unrecognized_keys: 'unknown_field',
};

export function rejectionFromZod(index: number, error: z.ZodError): Rejection {
  const issue = error.issues[0];
  if (!issue) return { index, code: 'invalid', message: 'invalid message' };
  const params = (issue as { params?: { code?: unknown } }).params;
  const code = typeof params?.code === 'string' ? params.code : (ZOD_CODES[issue.code] ?? issue.code);
  const field = issue.path.map(String).join('.');
  // A missing/unknown `type` yields an invalid discriminator; say so plainly.
  if (field === 'type') return { index, code: 'invalid_type', field, message: 'type must be one of track, identify, alias, page, screen, group' };
  return { index, code, ...(field ? { field } : {}), message: issue.message };
}

export function validateMessage(raw: unknown, index: number, batchContext?: Record<string, unknown>): Validated {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, rejection: { index, code: 'invalid_type', message: 'each message must be a JSON object' } };
  }
  let input = raw as Record<string, unknown>;
  if (batchContext) {
    const own = input['context'];
    input = { ...input, context: { ...batchContext, ...(own && typeof own === 'object' ? (own as object) : {}) } };
  }
  const parsed = messageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, rejection: rejectionFromZod(index, parsed.error) };
  return { ok: true, message: parsed.data };
}
