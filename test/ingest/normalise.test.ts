/** Normalisation of identities and event times, against hand-worked cases (Segment's timestamp rules, E.164). */
import { describe, expect, it } from 'vitest';
import { normaliseIdentityValue } from '../../src/members/index.ts';
import { messageSchema } from '../../src/ingest/index.ts';
import { normaliseMessage } from '../../src/ingest/normalise.ts';

const opts = { defaultPlatform: 'app', receivedAt: Date.parse('2026-05-01T12:00:00Z') * 1000, maxTs: Date.parse('2026-05-02T12:00:00Z') * 1000, phoneRegion: 'CN' as const };
const norm = (m: unknown) => {
  const parsed = messageSchema.parse(m);
  const r = normaliseMessage(parsed, 0, opts);
  if (!r.ok) throw new Error(r.rejection.code);
  return r.event;
};

describe('identity values', () => {
  it.each([
    ['email', '  Wang.Fang@Example.COM ', 'wang.fang@example.com'],
    ['email', 'not-an-email', undefined],
    ['phone', '138 0013 8000', '+8613800138000'],
    ['phone', '+86 (138) 0013-8000', '+8613800138000'],
    ['phone', '+1 415 555 2671', '+14155552671'],
    ['phone', '12', undefined],
    ['handle', '@LiLei', 'lilei'],
    ['user_id', ' 42 ', '42'],
  ] as const)('%s %j → %j', (kind, raw, expected) => {
    expect(normaliseIdentityValue(kind, raw, 'CN')).toBe(expected);
  });
});

describe('event time (Segment rules)', () => {
  it('uses timestamp when present', () => {
    expect(norm({ type: 'track', userId: 'u', event: 'e', timestamp: '2026-04-30T00:00:00Z' }).ts).toBe(Date.parse('2026-04-30T00:00:00Z') * 1000);
  });
  it('corrects originalTimestamp by the client clock skew (sentAt vs received)', () => {
    // The client clock runs 10 minutes fast: sent at 12:10 by its clock, received at 12:00.
    const e = norm({ type: 'track', userId: 'u', event: 'e', originalTimestamp: '2026-05-01T12:05:00Z', sentAt: '2026-05-01T12:10:00Z' });
    expect(e.ts).toBe(Date.parse('2026-05-01T11:55:00Z') * 1000);
  });
  it('falls back to the time received', () => {
    expect(norm({ type: 'track', userId: 'u', event: 'e' }).ts).toBe(opts.receivedAt);
  });
  it('rejects a time beyond the tolerance and accepts old ones', () => {
    const r = normaliseMessage(messageSchema.parse({ type: 'track', userId: 'u', event: 'e', timestamp: '2026-05-03T00:00:00Z' }), 3, opts);
    expect(r).toMatchObject({ ok: false, rejection: { index: 3, code: 'timestamp_in_future', field: 'timestamp' } });
    expect(norm({ type: 'track', userId: 'u', event: 'e', timestamp: '2009-01-01T00:00:00Z' }).ts).toBe(Date.parse('2009-01-01T00:00:00Z') * 1000);
  });
});

describe('claims', () => {
  it('puts the user id first, then the anonymous id, then trait identities', () => {
    const e = norm({ type: 'identify', userId: 7, anonymousId: 'a', traits: { email: 'X@Y.cn', email_verified: true, phone: '13800138000', username: '@Li' } });
    expect(e.actorKeys.map((k) => `${k.kind}:${k.value}:${k.verified}`)).toEqual([
      'user_id:7:false',
      'anonymous_id:a:false',
      'email:x@y.cn:true',
      'phone:+8613800138000:false',
      'handle:li:false',
    ]);
  });
  it('gives messages without messageId a deterministic id', () => {
    const m = { type: 'track', userId: 'u', event: 'e', timestamp: '2026-04-30T00:00:00Z', properties: { a: 1 } };
    expect(norm(m).eventId).toBe(norm(structuredClone(m)).eventId);
    expect(norm({ ...m, properties: { a: 2 } }).eventId).not.toBe(norm(m).eventId);
  });
});
