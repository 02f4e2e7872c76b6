/**
 * Who did it and whom it is about: Stack Exchange user ids, deleted users known only by a shown name, and the
 * sentinel for the owner of a post that is not in the dump. See docs/importers/stackexchange.md, "Identities".
 */
import type { IngestMessageInput } from '../../schema.ts';
import { LIMITS } from '../../schema.ts';
import { truncate, type Row } from './row-fields.ts';

/** anonymousId of an author whose account is gone; `:<shown name>` is appended when the dump keeps the name. */
export const SE_DELETED_USER = 'se-deleted-user';
/** anonymousId standing for "the owner of a post that is not in the dump" (deleted before the dump was taken). */
export const SE_UNKNOWN_OWNER = 'se-unknown-owner';

/** A member reference as it appears in a message (`userId`/`anonymousId`) or in its `target`. */
export type MemberRef = { readonly userId: string } | { readonly anonymousId: string };

export function userIdRef(id: string): MemberRef {
  return { userId: id };
}

export function deletedUserRef(shownName: string | undefined): MemberRef {
  const name = shownName?.trim();
  if (!name) return { anonymousId: SE_DELETED_USER };
  return { anonymousId: `${SE_DELETED_USER}:${truncate(name, LIMITS.idLength - SE_DELETED_USER.length - 1)}` };
}

/** The user named by `idAttr`, else a deleted user with the shown name in `nameAttr`; undefined when the row has neither. */
export function rowUser(row: Row, idAttr: string, nameAttr: string): MemberRef | undefined {
  const id = row[idAttr]?.trim();
  if (id) return userIdRef(id);
  const name = row[nameAttr]?.trim();
  return name ? deletedUserRef(name) : undefined;
}

export function sameMember(a: MemberRef, b: MemberRef): boolean {
  return 'userId' in a ? 'userId' in b && a.userId === b.userId : 'anonymousId' in b && a.anonymousId === b.anonymousId;
}

type Who = Pick<IngestMessageInput, 'userId' | 'anonymousId' | 'target'>;

/**
 * The identity fields of a message. With an actor: the actor, plus `target` when the target is known and differs.
 * Without one (a hidden actor): `target` alone, or the unknown-owner sentinel when the target is unknown too,
 * so that every message names somebody.
 */
export function who(actor: MemberRef | undefined, target: MemberRef | undefined): Who {
  if (actor === undefined) return { target: target ?? { anonymousId: SE_UNKNOWN_OWNER } };
  const out: Who = 'userId' in actor ? { userId: actor.userId } : { anonymousId: actor.anonymousId };
  if (target !== undefined && !sameMember(actor, target)) out.target = { ...target };
  return out;
}
