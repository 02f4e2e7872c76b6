/**
 * The ingest contract: Segment's HTTP tracking spec (track, identify, alias, page, screen, group, batch), with the
 * same field names, plus three documented extensions for importers (`platform`, `identities`, `target`).
 * Every string and array has an explicit maximum; JSON payloads are bounded by `checkJsonBounds`.
 */
import { z } from '../core/index.ts';

export const LIMITS = {
  idLength: 255,
  eventNameLength: 200,
  platformLength: 64,
  identityValueLength: 320,
  identitiesPerMessage: 20,
  jsonStringLength: 8_192,
  jsonArrayLength: 1_000,
  jsonKeysPerObject: 500,
  jsonKeyLength: 255,
  jsonDepth: 8,
  batchMessages: 2_500,
} as const;

export const IDENTITY_KINDS = ['user_id', 'anonymous_id', 'email', 'phone', 'handle'] as const;
export const identityKindSchema = z.enum(IDENTITY_KINDS);
export type IdentityKind = z.infer<typeof identityKindSchema>;

/** Segment accepts numeric ids and treats them as strings. */
const idSchema = z
  .union([z.string(), z.number().finite()])
  .transform((v) => String(v))
  .pipe(z.string().trim().min(1, 'must not be empty').max(LIMITS.idLength));

const platformSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.platformLength)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only');

/** A JSON object whose strings, arrays, keys and depth are bounded. */
export const jsonObjectSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const problem = checkJsonBounds(value, 1);
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path, params: { code: problem.code } });
});

export interface JsonBoundProblem {
  code: 'too_long' | 'too_deep' | 'too_many';
  message: string;
  path: (string | number)[];
}

export function checkJsonBounds(value: unknown, depth: number): JsonBoundProblem | undefined {
  if (typeof value === 'string') {
    return value.length > LIMITS.jsonStringLength
      ? { code: 'too_long', message: `string longer than ${LIMITS.jsonStringLength} characters`, path: [] }
      : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > LIMITS.jsonDepth) return { code: 'too_deep', message: `nested deeper than ${LIMITS.jsonDepth} levels`, path: [] };
  if (Array.isArray(value)) {
    if (value.length > LIMITS.jsonArrayLength)
      return { code: 'too_many', message: `array longer than ${LIMITS.jsonArrayLength} items`, path: [] };
    for (let i = 0; i < value.length; i++) {
      const p = checkJsonBounds(value[i], depth + 1);
      if (p) return { ...p, path: [i, ...p.path] };
    }
    return undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > LIMITS.jsonKeysPerObject)
    return { code: 'too_many', message: `object with more than ${LIMITS.jsonKeysPerObject} keys`, path: [] };
  for (const k of keys) {
    if (k.length > LIMITS.jsonKeyLength) return { code: 'too_long', message: `key longer than ${LIMITS.jsonKeyLength}`, path: [k] };
    const p = checkJsonBounds((value as Record<string, unknown>)[k], depth + 1);
    if (p) return { ...p, path: [k, ...p.path] };
  }
  return undefined;
}

/** ISO-8601 with a zone, or a Date-parsable string; the future bound is checked in `normalise.ts` (it needs the clock). */
const timestampSchema = z.union([z.string().max(64), z.number().finite()]).refine(
  (v) => !Number.isNaN(typeof v === 'number' ? v : Date.parse(v)),
  { message: 'not a valid ISO-8601 timestamp', params: { code: 'invalid_timestamp' } },
);

export const identityInputSchema = z.object({
  platform: platformSchema.optional(),
  kind: identityKindSchema,
  value: z.string().trim().min(1).max(LIMITS.identityValueLength),
  verified: z.boolean().optional(),
});
export type IdentityInput = z.infer<typeof identityInputSchema>;

/** The member an event is about when it is not the actor (e.g. the author of a voted post). */
export const targetSchema = z.object({
  userId: idSchema.optional(),
  anonymousId: idSchema.optional(),
  platform: platformSchema.optional(),
});

const common = {
  userId: idSchema.optional(),
  anonymousId: idSchema.optional(),
  messageId: z.string().trim().min(1).max(LIMITS.idLength).optional(),
  timestamp: timestampSchema.optional(),
  originalTimestamp: timestampSchema.optional(),
  sentAt: timestampSchema.optional(),
  context: jsonObjectSchema.optional(),
  integrations: z.record(z.string(), z.unknown()).optional(),
  // Sheyun extensions, documented in docs/ingest.md
  platform: platformSchema.optional(),
  identities: z.array(identityInputSchema).max(LIMITS.identitiesPerMessage).optional(),
  target: targetSchema.optional(),
};

export const trackSchema = z.object({
  ...common,
  type: z.literal('track'),
  event: z.string().trim().min(1).max(LIMITS.eventNameLength),
  properties: jsonObjectSchema.optional(),
});

export const identifySchema = z.object({
  ...common,
  type: z.literal('identify'),
  traits: jsonObjectSchema.optional(),
});

export const aliasSchema = z.object({
  ...common,
  type: z.literal('alias'),
  previousId: idSchema,
});

export const pageSchema = z.object({
  ...common,
  type: z.enum(['page', 'screen']),
  name: z.string().max(LIMITS.eventNameLength).optional(),
  category: z.string().max(LIMITS.eventNameLength).optional(),
  properties: jsonObjectSchema.optional(),
});

export const groupSchema = z.object({
  ...common,
  type: z.literal('group'),
  groupId: idSchema,
  traits: jsonObjectSchema.optional(),
});

export const messageSchema = z
  .discriminatedUnion('type', [trackSchema, identifySchema, aliasSchema, pageSchema, groupSchema])
  .superRefine((m, ctx) => {
    if (m.userId === undefined && m.anonymousId === undefined && m.target === undefined && m.type !== 'alias') {
      ctx.addIssue({
        code: 'custom',
        message: 'either userId or anonymousId is required (or target, for an event with a hidden actor)',
        path: ['userId'],
        params: { code: 'missing_identity' },
      });
    }
  });

export type IngestMessage = z.infer<typeof messageSchema>;
export type IngestMessageInput = z.input<typeof messageSchema>;
export type MessageType = IngestMessage['type'];

/** `/v1/batch`: top-level context and integrations apply to every message, as in Segment. */
export const batchSchema = z.object({
  batch: z.array(z.unknown()).max(LIMITS.batchMessages),
  context: jsonObjectSchema.optional(),
  integrations: z.record(z.string(), z.unknown()).optional(),
  sentAt: timestampSchema.optional(),
});

/** One rejected message in a batch: its index, a machine-readable code and the offending field. */
export const rejectionSchema = z.object({
  index: z.number().int(),
  code: z.string(),
  field: z.string().optional(),
  message: z.string(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const ingestResultSchema = z.object({
  success: z.boolean(),
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(rejectionSchema),
});
export type IngestResult = z.infer<typeof ingestResultSchema>;
