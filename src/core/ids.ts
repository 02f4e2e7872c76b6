/** Public identifiers (`mem_…`, `evt_…`), API keys and content hashes. */
import { createHash, randomBytes } from 'node:crypto';

const MEMBER_PREFIX = 'mem_';

/** Members are joined internally by integer id; users see a stable `mem_` string derived from it. */
export function memberPublicId(id: number): string {
  return MEMBER_PREFIX + id.toString(36).padStart(6, '0');
}

/** Returns the integer id, or undefined when the string is not a member id. */
export function parseMemberPublicId(publicId: string): number | undefined {
  if (!publicId.startsWith(MEMBER_PREFIX)) return undefined;
  const body = publicId.slice(MEMBER_PREFIX.length);
  if (!/^[0-9a-z]{1,13}$/.test(body)) return undefined;
  const id = Number.parseInt(body, 36);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** A deterministic event id for messages that carry no messageId, so that re-sending or re-importing them dedupes. */
export function contentEventId(parts: readonly unknown[]): string {
  return 'evt_' + sha256(JSON.stringify(parts)).slice(0, 32);
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export type ApiKeyKind = 'write' | 'admin';

/** A new secret key: the prefix says its kind so a leaked key is recognisable. */
export function newApiKey(kind: ApiKeyKind): string {
  return (kind === 'write' ? 'sy_w_' : 'sy_a_') + randomBytes(24).toString('base64url');
}

/** Keys are stored hashed; 192 random bits make a plain SHA-256 sufficient (no password stretching needed). */
export function hashApiKey(key: string): string {
  return sha256('sheyun-api-key:' + key);
}
