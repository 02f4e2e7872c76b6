/** `sheyun demo --members N`: load the seeded demo community into the workspace. */
import type { Command } from 'commander';
import { CliError, printJson, withSheyun } from '../context.ts';
import { loadDemo } from '../demo-loader.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load a deterministic demo community (members, posts, comments, likes, purchases, check-ins, invites)')
    .option('--members <n>', 'community size', '2000')
    .option('--seed <n>', 'random seed (same seed and size → same community)', '42')
    .option('--end <iso>', 'last instant of the 12 months generated (default: now)')
    .option('--json', 'print a JSON summary')
    .action(async (opts: { members: string; seed: string; end?: string; json?: boolean }, cmd: Command) => {
      const members = Number(opts.members);
      const seed = Number(opts.seed);
      if (!Number.isInteger(members) || members < 1) throw new CliError(`--members must be a positive integer, not "${opts.members}"`);
      if (!Number.isInteger(seed)) throw new CliError(`--seed must be an integer, not "${opts.seed}"`);
      const end = opts.end ? new Date(opts.end) : undefined;
      if (end && Number.isNaN(end.getTime())) throw new CliError(`--end is not a date: "${opts.end}"`);
      await withSheyun(cmd, { columnStore: 'optional' }, async (s) => {
        const r = await loadDemo(s, { members, seed, ...(end ? { end } : {}) });
        const moved = await s.columnizer?.drain();
        if (opts.json) printJson({ ...r, columnized: moved ?? null });
        else process.stdout.write(`Loaded ${r.events} events for ${r.members} members in ${r.seconds.toFixed(1)} s\n`);
      });
    });
}
