/**
 * Rebuilds members and identities from the ingest log alone, in log order, with the same resolver as ingest:
 * identity resolution is a pure function of the log. Used after a rule change and to prove determinism in tests.
 */
import { sql } from 'kysely';
import type { IdentityKey, IdentityKind } from './identity-keys.ts';
import { resolveBatch, type ResolvableEvent } from './resolver.ts';
import { identityHolder } from './lookup.ts';
import { applyMerge } from './operations.ts';
import { recomputeCounters, splitIdentity } from './merge-writes.ts';
import { withWriteTransaction, workspaceOfRange, type RowStore, type Tx } from '../store/index.ts';

interface Claims {
  a?: [string, string, string, number][];
  t?: [string, string, string, number];
  p?: string;
  m?: [string, string, string][];
  u?: [string, string, string];
}

const key = (t: readonly [string, string, string, number?]): IdentityKey => ({
  platform: t[0],
  kind: t[1] as IdentityKind,
  value: t[2],
  verified: t[3] === 1,
});

export interface ReplayReport {
  events: number;
  members: number;
  identities: number;
}

export async function replayIdentities(store: RowStore, ws: number, now: number, chunk = 5_000): Promise<ReplayReport> {
  return withWriteTransaction(store, async (trx) => {
    for (const t of ['identities', 'member_merges', 'member_remaps', 'merge_blocks', 'members'] as const) {
      await trx.deleteFrom(t).where('workspace_id', '=', ws).execute();
    }
    const ctx = { workspaceId: ws, dialect: store.dialect, now };
    let last = 0;
    let events = 0;
    for (;;) {
      const rows = await trx
        .selectFrom('events')
        .select(['seq', 'type', 'ts', 'platform', 'properties', 'claims'])
        .where(workspaceOfRange, '=', ws)
        .where('seq', '>', last)
        .orderBy('seq')
        .limit(chunk)
        .execute();
      if (rows.length === 0) break;
      let pending: { seq: number; e: ResolvableEvent }[] = [];
      const flush = async () => {
        if (pending.length === 0) return;
        const r = await resolveBatch(trx, ctx, pending.map((p) => p.e));
        await setResolution(trx, ws, pending.map((p, i) => ({ seq: p.seq, ...r.resolutions[i]! })));
        pending = [];
      };
      for (const row of rows) {
        const c = JSON.parse(row.claims) as Claims;
        if (row.type === 'merge' || row.type === 'unmerge') {
          await flush();
          await replayOperation(trx, ctx, row.seq, row.type, c);
          continue;
        }
        const actorKeys = (c.a ?? []).map(key);
        const traits = row.type === 'identify' ? (JSON.parse(row.properties) as Record<string, unknown>) : undefined;
        pending.push({
          seq: row.seq,
          e: { ts: row.ts, primary: actorKeys[0], actorKeys, previousId: c.p, target: c.t ? key(c.t) : undefined, traits, platform: row.platform },
        });
      }
      await flush();
      events += rows.length;
      last = rows[rows.length - 1]!.seq;
    }
    await recomputeCounters(trx, ws, 'all', now);
    await trx
      .updateTable('workspaces')
      .set((eb) => ({ identity_generation: eb('identity_generation', '+', 1) }))
      .where('id', '=', ws)
      .execute();
    const count = async (t: 'members' | 'identities') =>
      Number((await trx.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws).executeTakeFirstOrThrow()).n);
    return { events, members: await count('members'), identities: await count('identities') };
  });
}

async function replayOperation(trx: Tx, ctx: { workspaceId: number; dialect: RowStore['dialect']; now: number }, seq: number, type: string, c: Claims): Promise<void> {
  const ws = ctx.workspaceId;
  if (type === 'merge' && c.m && c.m.length === 2) {
    const [a, b] = await Promise.all(c.m.map((k) => identityHolder(trx, ws, { platform: k[0], kind: k[1], value: k[2] })));
    if (a && b && a.memberId !== b.memberId) {
      const winner = Math.min(a.memberId, b.memberId);
      const loser = Math.max(a.memberId, b.memberId);
      const link = c.m[1]!;
      await applyMerge(trx, ctx, winner, loser, { platform: link[0], kind: link[1], value: link[2] }, seq);
    }
  } else if (type === 'unmerge' && c.u) {
    const h = await identityHolder(trx, ws, { platform: c.u[0], kind: c.u[1], value: c.u[2] });
    if (h) {
      await splitIdentity(trx, ctx, h.identityId, seq);
    }
  }
}

async function setResolution(
  trx: Tx,
  ws: number,
  rows: { seq: number; memberId: number | null; identityId: number | null; targetMemberId: number | null; targetIdentityId: number | null }[],
): Promise<void> {
  const big = (v: number | null) => sql`CAST(${v} AS bigint)`;
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => sql`(${big(r.seq)}, ${big(r.memberId)}, ${big(r.identityId)}, ${big(r.targetMemberId)}, ${big(r.targetIdentityId)})`);
    await sql`
      UPDATE events SET member_id = v.column2, identity_id = v.column3, target_member_id = v.column4, target_identity_id = v.column5
      FROM (VALUES ${sql.join(values)}) AS v
      WHERE events.seq = v.column1 AND events.workspace_id = ${big(ws)}`.execute(trx);
  }
}
