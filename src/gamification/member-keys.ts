/**
 * The state keys `<prefix>:m:<member id>` of one engine (a family: 'points', 'badges', 'lvl:<ladder>'). A key is
 * built once per member and kept: a key built per event is a new string, hashed again on every Map lookup. Each
 * family has a small number, so replay's in-memory state can also index these values by member id (map-state.ts).
 * Also the decimal text of member ids, kept the same way.
 */

/** A family's key of a member, with the family's number. */
export interface MemberKeys {
  (memberId: number): string;
  readonly prefix: string;
  readonly family: number;
}

/** Member ids below this have their keys in an array (no hashing); larger ones in a bounded Map. */
export const DENSE_IDS = 1 << 21;

export const isDenseId = (memberId: number): boolean => memberId >= 0 && memberId < DENSE_IDS && (memberId | 0) === memberId;

const families = new Map<string, MemberKeys>();

/** The family of keys with this prefix (one per prefix per process, so every engine instance shares its keys). */
export function memberKeys(prefix: string): MemberKeys {
  const known = families.get(prefix);
  if (known) return known;
  // Grown by push, so the array keeps fast elements (a write far past its end would make it a dictionary).
  const dense: (string | undefined)[] = [];
  const sparse = new Map<number, string>();
  const keys = (memberId: number): string => {
    if (isDenseId(memberId)) {
      while (dense.length <= memberId) dense.push(undefined);
      return (dense[memberId] ??= `${prefix}:m:${memberId}`);
    }
    let k = sparse.get(memberId);
    if (k === undefined) {
      if (sparse.size >= 1_000_000) sparse.clear();
      k = `${prefix}:m:${memberId}`;
      sparse.set(memberId, k);
    }
    return k;
  };
  const family = Object.assign(keys, { prefix, family: families.size });
  families.set(prefix, family);
  return family;
}

const texts: (string | undefined)[] = [];

/**
 * `String(memberId)`, one string per member: kept in state (a member among another's distinct counterparts), the same
 * string in many records is fewer cache misses than a copy in each, and equal ones compare by pointer.
 */
export function memberIdText(memberId: number): string {
  if (!isDenseId(memberId)) return String(memberId);
  while (texts.length <= memberId) texts.push(undefined);
  return (texts[memberId] ??= String(memberId));
}

/** The family and member of a key of a known family (null for any other key). */
export function parseMemberKey(key: string): { family: number; memberId: number } | null {
  const at = key.lastIndexOf(':m:');
  if (at < 0) return null;
  const family = families.get(key.slice(0, at));
  if (family === undefined) return null;
  const text = key.slice(at + 3);
  const memberId = Number(text);
  return String(memberId) === text ? { family: family.family, memberId } : null;
}
