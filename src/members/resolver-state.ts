/**
 * In-memory view of the identities and members one batch touches: loaded once from the row store, then updated
 * as the batch is resolved, with union-find over member ids for merges decided inside the batch. New members and
 * identities get negative temporary ids until the batch is written.
 */
import { cachedQuery, paddedInList, placeholderList, type RowDialect, type Tx } from '../store/index.ts';
import { CROSS_PLATFORM_KINDS, crossPlatformKeyString, identityKeyString, type IdentityKey, type IdentityKind } from './identity-keys.ts';

export interface IdentityState {
  id: number;
  memberId: number;
  platform: string;
  kind: IdentityKind;
  value: string;
  verified: boolean;
  isNew: boolean;
  /** An existing identity that this batch verified. */
  verifiedNow: boolean;
}

export class ResolverState {
  readonly identities = new Map<string, IdentityState>();
  /** Verified email/phone identities by (kind, value), any platform. */
  readonly verifiedCross = new Map<string, IdentityState[]>();
  readonly newIdentities: IdentityState[] = [];
  readonly newMembers: number[] = [];
  private readonly parent = new Map<number, number>();
  private readonly userIds = new Map<number, Map<string, Set<string>>>();
  private readonly blocked = new Set<string>();
  private readonly blocksLoaded = new Set<number>();
  private nextTemp = -1;

  constructor(
    private readonly trx: Tx,
    readonly workspaceId: number,
    private readonly dialect: RowDialect,
  ) {}

  /** Loads every stored identity whose value occurs among the keys (one indexed query per 500 values). */
  async preload(values: Iterable<string>): Promise<void> {
    const all = [...new Set(values)];
    for (let i = 0; i < all.length; i += 500) {
      const chunk = paddedInList(all.slice(i, i + 500));
      const rows = await cachedQuery<{ id: number; member_id: number; platform: string; kind: string; value: string; verified: number }>(
        this.trx,
        `${this.dialect}|identities_by_value|${chunk.length}`,
        () =>
          `SELECT id, member_id, platform, kind, value, verified FROM identities WHERE workspace_id = ${placeholderList(this.dialect, 1)} AND value IN (${placeholderList(this.dialect, chunk.length, 1)})`,
        [this.workspaceId, ...chunk],
      );
      for (const r of rows) {
        this.index({
          id: Number(r.id),
          memberId: Number(r.member_id),
          platform: r.platform,
          kind: r.kind as IdentityKind,
          value: r.value,
          verified: Number(r.verified) === 1,
          isNew: false,
          verifiedNow: false,
        });
      }
    }
  }

  private index(s: IdentityState): void {
    this.identities.set(identityKeyString(s), s);
    if (s.verified && CROSS_PLATFORM_KINDS.has(s.kind)) {
      const k = crossPlatformKeyString(s);
      const list = this.verifiedCross.get(k);
      if (list) list.push(s);
      else this.verifiedCross.set(k, [s]);
    }
  }

  get(k: { platform: string; kind: string; value: string }): IdentityState | undefined {
    return this.identities.get(identityKeyString(k));
  }

  /** Members holding this email/phone verified on any platform. */
  verifiedHolders(k: IdentityKey): number[] {
    if (!CROSS_PLATFORM_KINDS.has(k.kind)) return [];
    return (this.verifiedCross.get(crossPlatformKeyString(k)) ?? []).map((s) => this.root(s.memberId));
  }

  root(m: number): number {
    let r = m;
    for (let p = this.parent.get(r); p !== undefined; p = this.parent.get(r)) r = p;
    // Path compression keeps long merge chains cheap.
    for (let x = m, p = this.parent.get(x); p !== undefined && p !== r; x = p, p = this.parent.get(x)) this.parent.set(x, r);
    return r;
  }

  newMember(): number {
    const id = this.nextTemp--;
    this.newMembers.push(id);
    return id;
  }

  addIdentity(k: IdentityKey, memberId: number): IdentityState {
    const s: IdentityState = { id: this.nextTemp--, memberId, ...k, isNew: true, verifiedNow: false };
    this.index(s);
    this.newIdentities.push(s);
    if (k.kind === 'user_id') this.rememberUserId(this.root(memberId), k.platform, k.value);
    return s;
  }

  markVerified(s: IdentityState): void {
    if (s.verified) return;
    s.verified = true;
    if (!s.isNew) s.verifiedNow = true;
    const k = crossPlatformKeyString(s);
    if (CROSS_PLATFORM_KINDS.has(s.kind)) {
      const list = this.verifiedCross.get(k);
      if (list) list.push(s);
      else this.verifiedCross.set(k, [s]);
    }
  }

  /** Older member wins: the smallest stored id; a member new in this batch only wins over newer new ones. */
  static older(a: number, b: number): number {
    if (a > 0 && b > 0) return Math.min(a, b);
    if (a > 0) return a;
    if (b > 0) return b;
    return Math.max(a, b);
  }

  union(winner: number, loser: number): void {
    this.parent.set(loser, winner);
    const lu = this.userIds.get(loser);
    if (lu) for (const [p, vals] of lu) for (const v of vals) this.rememberUserId(winner, p, v);
  }

  private rememberUserId(member: number, platform: string, value: string): void {
    let byPlatform = this.userIds.get(member);
    if (!byPlatform) this.userIds.set(member, (byPlatform = new Map()));
    let vals = byPlatform.get(platform);
    if (!vals) byPlatform.set(platform, (vals = new Set()));
    vals.add(value);
  }

  /** User ids per platform of a (root) member: stored ones loaded on first need, plus this batch's. */
  async userIdsOf(member: number): Promise<Map<string, Set<string>>> {
    if (member > 0 && !this.loadedUserIds.has(member)) {
      this.loadedUserIds.add(member);
      const rows = await this.trx
        .selectFrom('identities')
        .select(['platform', 'value'])
        .where('workspace_id', '=', this.workspaceId)
        .where('member_id', '=', member)
        .where('kind', '=', 'user_id')
        .execute();
      for (const r of rows) this.rememberUserId(member, r.platform, r.value);
    }
    return this.userIds.get(member) ?? new Map();
  }
  private readonly loadedUserIds = new Set<number>();

  async isBlocked(a: number, b: number): Promise<boolean> {
    for (const m of [a, b]) {
      if (m > 0 && !this.blocksLoaded.has(m)) {
        this.blocksLoaded.add(m);
        const rows = await this.trx
          .selectFrom('merge_blocks')
          .select(['member_a', 'member_b'])
          .where('workspace_id', '=', this.workspaceId)
          .where((eb) => eb.or([eb('member_a', '=', m), eb('member_b', '=', m)]))
          .execute();
        for (const r of rows) this.blocked.add(`${r.member_a}:${r.member_b}`).add(`${r.member_b}:${r.member_a}`);
      }
    }
    return this.blocked.has(`${a}:${b}`);
  }
}
