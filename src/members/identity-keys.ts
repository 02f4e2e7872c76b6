/**
 * Identity keys: normalisation (emails lower-cased and trimmed, phones to E.164, handles without '@') and the
 * string key used for lookups. Pure functions, shared by ingest, merge and replay.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type IdentityKind = 'user_id' | 'anonymous_id' | 'email' | 'phone' | 'handle';

export interface IdentityKey {
  platform: string;
  kind: IdentityKind;
  value: string;
  verified: boolean;
}

/** Emails and phones identify a person across platforms (when verified); the other kinds are per platform. */
export const CROSS_PLATFORM_KINDS: ReadonlySet<IdentityKind> = new Set(['email', 'phone']);

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Returns the canonical value, or undefined when it cannot be one of this kind (the identity is then dropped). */
export function normaliseIdentityValue(kind: IdentityKind, raw: string, phoneRegion: CountryCode): string | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  switch (kind) {
    case 'email': {
      const e = v.toLowerCase();
      return EMAIL.test(e) ? e : undefined;
    }
    case 'phone': {
      const p = parsePhoneNumberFromString(v, phoneRegion);
      return p && p.isPossible() ? p.number : undefined;
    }
    case 'handle':
      return v.replace(/^@+/, '').toLowerCase() || undefined;
    case 'user_id':
    case 'anonymous_id':
      return v;
  }
}

/** Lookup key of one identity on one platform. */
export function identityKeyString(k: { platform: string; kind: string; value: string }): string {
  return `${k.platform}\u0000${k.kind}\u0000${k.value}`;
}

/** Lookup key of a verified email/phone, regardless of platform. */
export function crossPlatformKeyString(k: { kind: string; value: string }): string {
  return `*\u0000${k.kind}\u0000${k.value}`;
}
