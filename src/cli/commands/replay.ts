/** `sheyun replay identities`: rebuild members and identities from the ingest log. */
import type { Command } from 'commander';
import { replayIdentities } from '../../members/index.ts';
import { printJson, withSheyun } from '../context.ts';

export function registerReplay(program: Command): void {
  const replay = program.command('replay').description('rebuild derived state from the event log');
  replay
    .command('identities')
    .description('re-resolve every identity from the log (members, merges, counters)')
    .action(async (_o, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'optional' }, async (s) => {
        const ws = await s.defaultWorkspace();
        const r = await replayIdentities(s.rows, ws.id, s.clock.nowMicros());
        await s.columnizer?.drain();
        printJson(r);
      });
    });
}
