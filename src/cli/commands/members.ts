/** `sheyun members show|search|merge|unmerge`: the same reads and operator actions as the API. */
import type { Command } from 'commander';
import { memberPublicId } from '../../core/index.ts';
import { getMemberProfile, identityHolder, memberTimeline, mergeMembers, searchMembers, unmergeIdentity } from '../../members/index.ts';
import { CliError, printJson, withSheyun } from '../context.ts';

/** Accepts a member id (`mem_…`) or an identity written `platform:kind:value` (e.g. `app:email:ann@example.com`). */
async function resolveRef(s: Parameters<Parameters<typeof withSheyun>[2]>[0], ws: number, ref: string): Promise<string> {
  if (ref.startsWith('mem_')) return ref;
  const parts = ref.split(':');
  if (parts.length < 3) throw new CliError(`"${ref}" is neither a member id (mem_…) nor an identity platform:kind:value`);
  const [platform, kind, ...rest] = parts;
  const h = await identityHolder(s.rows.db, ws, { platform: platform!, kind: kind!, value: rest.join(':') });
  if (!h) throw new CliError(`no member holds identity ${ref}`);
  return memberPublicId(h.memberId);
}

export function registerMembers(program: Command): void {
  const members = program.command('members').description('look up members and fix identities');
  members
    .command('show <ref>')
    .description('profile of a member (id mem_… or identity platform:kind:value), with its latest events')
    .option('--events <n>', 'how many timeline events to include', '20')
    .action(async (ref: string, opts: { events: string }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const id = await resolveRef(s, ws, ref);
        const profile = await getMemberProfile(s.rows, ws, id);
        const timeline = await memberTimeline(s.rows, ws, profile.id, { limit: Math.min(200, Math.max(1, Number(opts.events) || 20)) });
        printJson({ ...profile, timeline: timeline.events });
      });
    });
  members
    .command('search [query]')
    .description('search by name or identity value; without a query, the most recently seen')
    .option('--limit <n>', 'how many', '20')
    .action(async (query: string | undefined, opts: { limit: string }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        printJson(await searchMembers(s.rows, ws, { limit: Math.min(200, Math.max(1, Number(opts.limit) || 20)), ...(query ? { query } : {}) }));
      });
    });
  members
    .command('merge <refs...>')
    .description('merge members explicitly (also two identified ones); the oldest survives')
    .action(async (refs: string[], _o, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'optional' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const ids = await Promise.all(refs.map((r) => resolveRef(s, ws, r)));
        const r = await mergeMembers({ store: s.rows, now: s.clock.nowMicros() }, ws, ids);
        await s.columnizer?.drain();
        printJson({ memberId: memberPublicId(r.memberId), merged: r.merged.map(memberPublicId) });
      });
    });
  members
    .command('unmerge <ref> <identity>')
    .description('split identity platform:kind:value (with its events) out of a member into a new member')
    .action(async (ref: string, identity: string, _o, cmd: Command) => {
      const [platform, kind, ...rest] = identity.split(':');
      if (!platform || !kind || rest.length === 0) throw new CliError(`identity must be platform:kind:value, not "${identity}"`);
      await withSheyun(cmd, { columnStore: 'optional' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const id = await resolveRef(s, ws, ref);
        const r = await unmergeIdentity({ store: s.rows, now: s.clock.nowMicros() }, ws, id, { platform, kind, value: rest.join(':') });
        await s.columnizer?.drain();
        printJson({ memberId: memberPublicId(r.memberId), newMemberId: memberPublicId(r.newMemberId) });
      });
    });
}
