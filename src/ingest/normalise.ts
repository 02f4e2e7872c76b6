/**
 * Step 2 of ingest: a validated message → a normalised event: its id, time, platform, the identities it claims
 * for its actor (primary first) and for its target, and its properties. Pure; the clock and defaults are inputs.
 */
import type { CountryCode } from 'libphonenumber-js';
import { contentEventId } from '../core/index.ts';
import { normaliseIdentityValue, type IdentityKey, type IdentityKind } from '../members/index.ts';
import type { IngestMessage, Rejection } from './schema.ts';

export type EventType = IngestMessage['type'] | 'merge' | 'unmerge';

export interface NormalisedEvent {
  /** Position in the request or file, for rejections. */
  index: number;
  eventId: string;
  type: EventType;
  name: string;
  ts: number;
  receivedAt: number;
  platform: string;
  /** The identity the actor acted through (userId, else anonymousId); absent for a hidden actor. */
  primary: IdentityKey | undefined;
  /** Every identity the message claims for its actor, primary first. */
  actorKeys: IdentityKey[];
  /** Alias: the previous id, which may be a user id or an anonymous id. */
  previousId: string | undefined;
  target: IdentityKey | undefined;
  /** Identify/group: traits to merge into the profile. */
  traits: Record<string, unknown> | undefined;
  properties: Record<string, unknown>;
  context: Record<string, unknown> | undefined;
}

export interface NormaliseOptions {
  defaultPlatform: string;
  receivedAt: number;
  /** Latest acceptable event time (now + tolerance), microseconds. */
  maxTs: number;
  phoneRegion: CountryCode;
}

export type Normalised = { ok: true; event: NormalisedEvent } | { ok: false; rejection: Rejection };

function toMicros(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = typeof v === 'number' ? v : Date.parse(v);
  return Number.isNaN(ms) ? undefined : Math.round(ms * 1000);
}

/** Segment's rule: timestamp wins; else originalTimestamp corrected by the client's clock skew (sentAt vs receipt). */
function eventTime(m: IngestMessage, receivedAt: number): number {
  const ts = toMicros(m.timestamp);
  if (ts !== undefined) return ts;
  const original = toMicros(m.originalTimestamp);
  const sentAt = toMicros(m.sentAt);
  if (original !== undefined) return sentAt !== undefined ? receivedAt - (sentAt - original) : original;
  return receivedAt;
}

const truthy = (v: unknown) => v === true || v === 'true' || v === 1;

function traitIdentities(traits: Record<string, unknown>, platform: string): { kind: IdentityKind; raw: string; verified: boolean; platform: string }[] {
  const out: { kind: IdentityKind; raw: string; verified: boolean; platform: string }[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const email = str(traits['email']);
  if (email) out.push({ kind: 'email', raw: email, platform, verified: truthy(traits['email_verified'] ?? traits['emailVerified']) });
  const phone = str(traits['phone']);
  if (phone) out.push({ kind: 'phone', raw: phone, platform, verified: truthy(traits['phone_verified'] ?? traits['phoneVerified']) });
  const handle = str(traits['username'] ?? traits['handle']);
  if (handle) out.push({ kind: 'handle', raw: handle, platform, verified: false });
  return out;
}

export function normaliseMessage(m: IngestMessage, index: number, opts: NormaliseOptions): Normalised {
  const ts = eventTime(m, opts.receivedAt);
  if (ts > opts.maxTs) {
    return {
      ok: false,
      rejection: { index, code: 'timestamp_in_future', field: 'timestamp', message: 'timestamp is too far in the future' },
    };
  }
  const platform = m.platform ?? opts.defaultPlatform;
  const key = (kind: IdentityKind, raw: string, p: string, verified: boolean): IdentityKey | undefined => {
    const value = normaliseIdentityValue(kind, raw, opts.phoneRegion);
    return value === undefined ? undefined : { platform: p, kind, value, verified };
  };

  const actorKeys: IdentityKey[] = [];
  const push = (k: IdentityKey | undefined) => {
    if (k && !actorKeys.some((a) => a.platform === k.platform && a.kind === k.kind && a.value === k.value)) actorKeys.push(k);
  };
  if (m.userId !== undefined) push(key('user_id', m.userId, platform, false));
  if (m.anonymousId !== undefined) push(key('anonymous_id', m.anonymousId, platform, false));
  const primary = actorKeys[0];

  let traits: Record<string, unknown> | undefined;
  let properties: Record<string, unknown> = {};
  let name: string;
  let previousId: string | undefined;
  switch (m.type) {
    case 'track':
      name = m.event;
      properties = m.properties ?? {};
      break;
    case 'identify':
      name = '$identify';
      traits = m.traits ?? {};
      properties = traits;
      break;
    case 'alias':
      name = '$alias';
      previousId = m.previousId;
      properties = { previousId: m.previousId };
      break;
    case 'page':
    case 'screen':
      name = m.type === 'page' ? '$page' : '$screen';
      properties = { ...(m.properties ?? {}), ...(m.name !== undefined ? { name: m.name } : {}), ...(m.category !== undefined ? { category: m.category } : {}) };
      break;
    case 'group':
      name = '$group';
      properties = { groupId: m.groupId, traits: m.traits ?? {} };
      break;
  }
  if (primary) {
    if (traits) for (const t of traitIdentities(traits, platform)) push(key(t.kind, t.raw, t.platform, t.verified));
    for (const i of m.identities ?? []) push(key(i.kind, i.value, i.platform ?? platform, i.verified ?? false));
  }

  let target: IdentityKey | undefined;
  if (m.target) {
    const tp = m.target.platform ?? platform;
    if (m.target.userId !== undefined) target = key('user_id', m.target.userId, tp, false);
    else if (m.target.anonymousId !== undefined) target = key('anonymous_id', m.target.anonymousId, tp, false);
  }
  if (!primary && !target && m.type !== 'alias') {
    return { ok: false, rejection: { index, code: 'missing_identity', field: 'userId', message: 'either userId or anonymousId is required' } };
  }
  if (m.type === 'alias' && !primary) {
    return { ok: false, rejection: { index, code: 'missing_identity', field: 'userId', message: 'alias needs userId (the new id)' } };
  }

  const eventId =
    m.messageId ??
    contentEventId([m.type, platform, m.userId, m.anonymousId, name, ts, properties, m.target ?? null]);

  return {
    ok: true,
    event: {
      index,
      eventId,
      type: m.type,
      name,
      ts,
      receivedAt: opts.receivedAt,
      platform,
      primary,
      actorKeys,
      previousId,
      target,
      traits,
      properties,
      context: m.context,
    },
  };
}
