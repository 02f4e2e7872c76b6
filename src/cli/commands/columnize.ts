/** `sheyun columnize`: bring the column store up to date now (the server does it continuously by itself). */
import type { Command } from 'commander';
import { columnWatermark } from '../../ingest/index.ts';
import { printJson, withSheyun } from '../context.ts';

export function registerColumnize(program: Command): void {
  program
    .command('columnize')
    .description('copy every event not yet in the column store into it (fails if a running server holds it)')
    .action(async (_o, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'required' }, async (s) => {
        const t0 = performance.now();
        const moved = (await s.columnizer?.drain()) ?? 0;
        printJson({ moved, watermark: await columnWatermark(s.columns!), seconds: Number(((performance.now() - t0) / 1000).toFixed(2)) });
      });
    });
}
