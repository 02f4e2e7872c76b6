/** Deterministic identifiers of the demo: per-platform user ids, anonymous ids, and ids of posts, comments, orders, invites. */
import { hash3, mix32 } from './prng.ts';

export const PLATFORMS = ['app', 'wechat', 'forum'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const P_APP = 0;
export const P_WECHAT = 1;
export const P_FORUM = 2;
/** Marks "no second platform" in Uint8 plan arrays. */
export const P_NONE = 255;

/** Which activities each platform offers (the WeChat mini-program has check-ins, the shop and articles; the forum has content). */
export const CAN_POST = [true, false, true] as const;
export const CAN_LIKE = [true, false, true] as const;
export const CAN_CHECK_IN = [true, true, false] as const;
export const CAN_BUY = [true, true, false] as const;

const WX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The member's user id on a platform; a pure function of (member, platform), so a post's author can be named as a
 * target without any lookup. App ids are numeric, WeChat ids look like openids, forum ids are prefixed counters.
 */
export function userIdOf(member: number, platform: number): string {
  if (platform === P_APP) return `u${100_001 + member}`;
  if (platform === P_FORUM) return `fm_${(member + 1).toString(36).padStart(5, '0')}`;
  // 'o' + 27 characters, like a WeChat openid; the first 6 encode a bijective hash of the member (so ids are unique).
  let s = 'o';
  let m = mix32(member ^ 0x5bd1e995);
  for (let k = 0; k < 6; k++) {
    s += WX_ALPHABET[m & 63];
    m = Math.floor(m / 64);
  }
  let h = m;
  for (let k = 0; k < 21; k++) {
    if (k % 5 === 0) h = mix32(h + member + k);
    s += WX_ALPHABET[h & 63];
    h >>>= 6;
  }
  return s;
}

/** A device id (UUID-shaped) for a member's anonymous visits before signing up. */
export function anonymousIdOf(seed: number, member: number): string {
  const hex = (x: number): string => (x >>> 0).toString(16).padStart(8, '0');
  const a = hex(hash3(seed, 0xa11, member));
  const b = hex(hash3(seed, 0xa12, member));
  const c = hex(hash3(seed, 0xa13, member));
  const d = hex(mix32(member)); // a bijection: unique per member
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-a${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

export const postIdOf = (author: number, ordinal: number): string => `p_${author.toString(36)}_${ordinal.toString(36)}`;
export const commentIdOf = (member: number, ordinal: number): string => `c_${member.toString(36)}_${ordinal.toString(36)}`;
export const orderIdOf = (member: number, ordinal: number): string => `o_${member.toString(36)}_${ordinal.toString(36)}`;
/** Code of the invitation that brought `invitee` in (known to both the inviter's and the invitee's events). */
export const inviteCodeOf = (seed: number, invitee: number): string => `INV-${hash3(seed, 0x1a7, invitee).toString(36)}-${invitee.toString(36)}`.toUpperCase();
/** Code of an invitation that nobody accepted. */
export const lostInviteCodeOf = (seed: number, inviter: number, k: number): string =>
  `INX-${hash3(seed, 0x1a8 + k, inviter).toString(36)}-${inviter.toString(36)}-${k.toString(36)}`.toUpperCase();
