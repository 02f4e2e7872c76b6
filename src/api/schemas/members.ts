/** Member profile, identity, search and timeline shapes (the console imports these types). */
import { z } from '@hono/zod-openapi';

export const identitySchema = z
  .object({
    platform: z.string(),
    kind: z.enum(['user_id', 'anonymous_id', 'email', 'phone', 'handle']),
    value: z.string(),
    verified: z.boolean(),
    createdAt: z.string().openapi({ description: 'ISO-8601 UTC' }),
  })
  .openapi('Identity');

export const memberSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'mem_00001a' }),
    displayName: z.string().nullable(),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    eventCount: z.number().int().openapi({ description: 'events this member did (as actor)' }),
    targetCount: z.number().int().openapi({ description: 'events about this member (e.g. votes on their posts, replies to them)' }),
    platforms: z.array(z.string()),
  })
  .openapi('MemberSummary');

export const mergeRecordSchema = z
  .object({
    kind: z.enum(['merge', 'unmerge']),
    memberId: z.string(),
    otherMemberId: z.string(),
    reason: z.string(),
    identity: identitySchema.pick({ platform: true, kind: true, value: true }).nullable(),
    at: z.string(),
  })
  .openapi('MergeRecord');

export const memberProfileSchema = memberSummarySchema
  .extend({
    traits: z.record(z.string(), z.unknown()),
    identities: z.array(identitySchema),
    eventsByName: z.array(z.object({ name: z.string(), count: z.number().int() })),
    merges: z.array(mergeRecordSchema),
    /** Present when the requested id was merged into this member. */
    redirectedFrom: z.string().optional(),
  })
  .openapi('MemberProfile');

export const timelineEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    name: z.string(),
    timestamp: z.string(),
    platform: z.string(),
    role: z.enum(['actor', 'target']),
    actorId: z.string().nullable(),
    targetId: z.string().nullable(),
    properties: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEvent');

export const memberListSchema = z
  .object({ members: z.array(memberSummarySchema), nextCursor: z.string().nullable() })
  .openapi('MemberList');
export const timelineSchema = z
  .object({ events: z.array(timelineEventSchema), nextCursor: z.string().nullable() })
  .openapi('Timeline');

export type Identity = z.infer<typeof identitySchema>;
export type MemberSummary = z.infer<typeof memberSummarySchema>;
export type MemberProfile = z.infer<typeof memberProfileSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type MemberList = z.infer<typeof memberListSchema>;
export type Timeline = z.infer<typeof timelineSchema>;
