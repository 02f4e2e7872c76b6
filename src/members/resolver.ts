/**
 * Identity resolution for a batch of events, in order, inside the ingest transaction.
 *
 * Rules (docs/identity.md explains them with examples):
 * - an event's actor is found through any identity it claims; none found → a new member;
 * - claims that point to different members merge them (the older survives), including a verified email/phone shared
 *   across platforms — unless that would join two members holding different user ids on the same platform
 *   (PostHog's guard: two identified people are merged only by an explicit API call), or an operator split them;
 * - alias(previousId → userId) merges under the same guard;
 * - the identities a member did not have yet are attached to it.
 */
import type { Tx } from '../store/index.ts';
import type { RowDialect } from '../store/index.ts';
import type { IdentityKey } from './identity-keys.ts';
import { ResolverState } from './resolver-state.ts';
import { writeResolution, type PendingMerge } from './resolver-writes.ts';

export interface ResolvableEvent {
  ts: number;
  primary: IdentityKey | undefined;
  actorKeys: IdentityKey[];
  previousId: string | undefined;
  target: IdentityKey | undefined;
  traits: Record<string, unknown> | undefined;
  platform: string;
}

export interface Resolution {
  memberId: number | null;
  identityId: number | null;
  targetMemberId: number | null;
  targetIdentityId: number | null;
}

export interface ResolutionWarning {
  /** Position of the event in the batch. */
  position: number;
  code: 'merge_refused' | 'identity_taken';
  message: string;
}

export interface BatchResolution {
  resolutions: Resolution[];
  warnings: ResolutionWarning[];
  merges: { winner: number; loser: number }[];
}

export interface ResolveContext {
  workspaceId: number;
  dialect: RowDialect;
  now: number;
  /** The ingest-log seq each event will get is unknown before insert; merges record the batch instead. */
}

export async function resolveBatch(trx: Tx, ctx: ResolveContext, events: readonly ResolvableEvent[]): Promise<BatchResolution> {
  const state = new ResolverState(trx, ctx.workspaceId, ctx.dialect);
  const values: string[] = [];
  for (const e of events) {
    for (const k of e.actorKeys) values.push(k.value);
    if (e.target) values.push(e.target.value);
    if (e.previousId !== undefined) values.push(e.previousId);
  }
  await state.preload(values);

  const warnings: ResolutionWarning[] = [];
  const merges: PendingMerge[] = [];
  const actors: (number | null)[] = [];
  const actorIdentities: (import('./resolver-state.ts').IdentityState | null)[] = [];
  const targets: (number | null)[] = [];
  const targetIdentities: (import('./resolver-state.ts').IdentityState | null)[] = [];
  const traitPatches: { member: number; traits: Record<string, unknown>; ts: number }[] = [];

  const tryMerge = async (a: number, b: number, position: number, reason: string, link: IdentityKey | undefined): Promise<number> => {
    const ra = state.root(a);
    const rb = state.root(b);
    if (ra === rb) return ra;
    if (await conflicts(state, ra, rb)) {
      warnings.push({
        position,
        code: 'merge_refused',
        message: `not merged automatically: the two members hold different user ids on the same platform or were split by an operator (use POST /v1/members/merge)`,
      });
      return ra;
    }
    const winner = ResolverState.older(ra, rb);
    const loser = winner === ra ? rb : ra;
    state.union(winner, loser);
    merges.push({ winner, loser, reason, identity: link ?? null });
    return winner;
  };

  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    let member: number | null = null;
    if (e.primary) {
      // Candidates in the order of the claims: the primary identity decides whose profile the event joins.
      const tried = new Set<number>();
      for (const k of e.actorKeys) {
        const s = state.get(k);
        const found: number[] = [];
        if (s) found.push(state.root(s.memberId));
        if (k.verified) found.push(...state.verifiedHolders(k));
        for (const m of found) {
          if (tried.has(m)) continue;
          tried.add(m);
          member = member === null ? m : await tryMerge(member, m, i, 'shared_identity', k);
        }
      }
      if (e.previousId !== undefined) {
        const prev =
          state.get({ platform: e.platform, kind: 'user_id', value: e.previousId }) ??
          state.get({ platform: e.platform, kind: 'anonymous_id', value: e.previousId });
        if (prev) member = member === null ? state.root(prev.memberId) : await tryMerge(member, prev.memberId, i, 'alias', prev);
        else {
          if (member === null) member = state.newMember();
          state.addIdentity({ platform: e.platform, kind: 'anonymous_id', value: e.previousId, verified: false }, member);
        }
      }
      if (member === null) member = state.newMember();
      const root = state.root(member);
      for (const k of e.actorKeys) {
        const s = state.get(k);
        if (!s) state.addIdentity(k, root);
        else if (state.root(s.memberId) !== root) {
          if (k === e.primary) continue;
          warnings.push({ position: i, code: 'identity_taken', message: `${k.kind} ${k.value} belongs to another member and was not attached` });
        } else if (k.verified && !s.verified) state.markVerified(s);
      }
      if (e.traits && Object.keys(e.traits).length > 0) traitPatches.push({ member: root, traits: e.traits, ts: e.ts });
    }
    actors.push(member);
    actorIdentities.push(e.primary ? (state.get(e.primary) ?? null) : null);

    if (e.target) {
      let t = state.get(e.target);
      if (!t) t = state.addIdentity(e.target, state.newMember());
      targets.push(t.memberId);
      targetIdentities.push(t);
    } else {
      targets.push(null);
      targetIdentities.push(null);
    }
  }

  const ids = await writeResolution(trx, ctx, state, merges, traitPatches);
  const final = (m: number | null) => (m === null ? null : ids.member(state.root(m)));
  const resolutions: Resolution[] = events.map((_, i) => ({
    memberId: final(actors[i] ?? null),
    identityId: actorIdentities[i] ? ids.identity(actorIdentities[i]!.id) : null,
    targetMemberId: final(targets[i] ?? null),
    targetIdentityId: targetIdentities[i] ? ids.identity(targetIdentities[i]!.id) : null,
  }));
  return {
    resolutions,
    warnings,
    merges: merges.map((m) => ({ winner: ids.member(m.winner), loser: ids.member(m.loser) })),
  };
}

/** PostHog's guard and operator splits: may these two (root) members be merged without an operator? */
async function conflicts(state: ResolverState, a: number, b: number): Promise<boolean> {
  if (await state.isBlocked(a, b)) return true;
  const ua = await state.userIdsOf(a);
  const ub = await state.userIdsOf(b);
  for (const [platform, va] of ua) {
    const vb = ub.get(platform);
    if (!vb) continue;
    for (const v of va) if (!vb.has(v)) return true;
    for (const v of vb) if (!va.has(v)) return true;
  }
  return false;
}
