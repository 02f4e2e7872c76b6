/** `sheyun status [--json]`: counts of members and of events by type (row store: works beside a running server). */
import type { Command } from 'commander';
import { workspaceStatus } from '../../analytics/index.ts';
import { printJson, withSheyun } from '../context.ts';

export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('print the counts of members and of events by type')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const st = await workspaceStatus(s.rows, await s.defaultWorkspace());
        if (opts.json) return printJson(st);
        const lines = [
          `workspace   ${st.workspace} (${st.timeZone})`,
          `members     ${st.members} (+${st.mergedMembers} merged away), identities ${st.identities}`,
          `events      ${st.events}`,
          ...Object.entries(st.eventsByName).map(([n, c]) => `  ${n.padEnd(28)} ${c}`),
        ];
        process.stdout.write(lines.join('\n') + '\n');
      });
    });
}
