/**
 * A compact lookup from post id to (type, owner, parent), filled while Posts.xml streams by and read when mapping
 * the later files (votes, comments, history and links name a post, not its owner). Dense typed arrays indexed by
 * post id (9 bytes per id up to the largest id), with a Map for the rare ids or owners that do not fit.
 */
import { deletedUserRef, userIdRef, type MemberRef } from './identity.ts';

export interface PostFacts {
  readonly type: number;
  /** The owner; a deleted-user reference when the dump has no OwnerUserId. */
  readonly owner: MemberRef;
  readonly parentId: number | undefined;
}

const NO_OWNER = -2147483648; // int32 minimum: the post has no OwnerUserId
const DENSE_LIMIT = 1 << 27; // ids above this go to the overflow map rather than growing the arrays further

const isInt32 = (n: number): boolean => Number.isInteger(n) && n > NO_OWNER && n <= 0x7fffffff;

export class PostIndex {
  private types = new Uint8Array(1024); // 0 = unknown post
  private owners = new Int32Array(1024);
  private parents = new Int32Array(1024); // 0 = no parent
  private readonly ownerNames = new Map<number, string>(); // owner shown names of posts without OwnerUserId
  private readonly overflow = new Map<number, PostFacts>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(id: number, type: number, ownerUserId: string | undefined, ownerName: string | undefined, parentId: number | undefined): void {
    if (!this.has(id)) this.count++;
    const owner = ownerUserId === undefined ? NO_OWNER : Number(ownerUserId);
    const ownerFits = ownerUserId === undefined || (isInt32(owner) && String(owner) === ownerUserId);
    const parentFits = parentId === undefined || (parentId > 0 && isInt32(parentId));
    if (id < 0 || id >= DENSE_LIMIT || !Number.isInteger(id) || type < 1 || type > 255 || !ownerFits || !parentFits) {
      const ownerRef = ownerUserId === undefined ? deletedUserRef(ownerName) : userIdRef(ownerUserId);
      this.overflow.set(id, { type, owner: ownerRef, parentId });
      return;
    }
    this.grow(id);
    this.types[id] = type;
    this.owners[id] = owner;
    this.parents[id] = parentId ?? 0;
    if (ownerUserId === undefined && ownerName) this.ownerNames.set(id, ownerName);
  }

  has(id: number): boolean {
    return (id >= 0 && id < this.types.length && this.types[id] !== 0) || this.overflow.has(id);
  }

  get(id: number): PostFacts | undefined {
    const type = id >= 0 && id < this.types.length ? this.types[id] : undefined;
    if (!type) return this.overflow.get(id);
    const owner = this.owners[id] ?? NO_OWNER;
    const parent = this.parents[id] ?? 0;
    return {
      type,
      owner: owner === NO_OWNER ? deletedUserRef(this.ownerNames.get(id)) : userIdRef(String(owner)),
      parentId: parent === 0 ? undefined : parent,
    };
  }

  private grow(id: number): void {
    if (id < this.types.length) return;
    const length = Math.min(DENSE_LIMIT, Math.max(id + 1, this.types.length * 2));
    const types = new Uint8Array(length);
    types.set(this.types);
    const owners = new Int32Array(length);
    owners.set(this.owners);
    const parents = new Int32Array(length);
    parents.set(this.parents);
    this.types = types;
    this.owners = owners;
    this.parents = parents;
  }
}
