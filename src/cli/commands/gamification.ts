/**
 * `sheyun gamification preset|replay|config|export|leaderboard`: incentives on a store no server holds (or beside a
 * server: they only need the row store, and wait for its write lock).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import {
  activeConfig,
  badgesCsv,
  balancesCsv,
  catchUpLeaderboards,
  leaderboardTop,
  periodKey,
  PRESETS,
  presetConfig,
  replayGamification,
  saveConfig,
  type PeriodKind,
  type ReplayReport,
} from '../../gamification/index.ts';
import type { Sheyun } from '../../main.ts';
import { CliError, printJson, withSheyun } from '../context.ts';

const replayLine = (r: ReplayReport) =>
  `replayed ${r.events} events under configuration version ${r.version} in ${r.seconds.toFixed(1)} s ` +
  `(rules evaluated at ${r.eventsPerSecond.toLocaleString('en')} events/s): ${r.ledgerEntries} ledger entries, ${r.badgeAwards} badges, ${r.levelChanges} level changes`;

async function replayAndRank(s: Sheyun, ws: number): Promise<ReplayReport> {
  const now = s.clock.nowMicros();
  const r = await replayGamification(s.rows, ws, now);
  await catchUpLeaderboards(s.rows, ws);
  return r;
}

function readJson(file: string): unknown {
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new CliError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

function write(text: string, out: string | undefined): void {
  if (out) fs.writeFileSync(out, text);
  else process.stdout.write(text);
}

export function registerGamification(program: Command): void {
  const g = program.command('gamification').description('points, badges, levels, leaderboards and revenue share');
  g.command('preset <name>')
    .description(`install a preset configuration (${Object.keys(PRESETS).join(', ')}) and apply it to the events so far`)
    .option('--no-replay', 'only install; apply later with `sheyun gamification replay`')
    .action(async (name: string, opts: { replay: boolean }, cmd: Command) => {
      if (!(name in PRESETS)) throw new CliError(`unknown preset "${name}": choose one of ${Object.keys(PRESETS).join(', ')}`);
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const saved = await saveConfig(s.rows, ws, presetConfig(name as keyof typeof PRESETS), `preset ${name}`, s.clock.nowMicros());
        process.stdout.write(`installed preset ${name} as configuration version ${saved.version}\n`);
        if (opts.replay) process.stdout.write(replayLine(await replayAndRank(s, ws)) + '\n');
      });
    });
  g.command('replay')
    .description('recompute the ledger, badges, levels and leaderboards from every event under the configuration in force')
    .option('--json', 'print the report as JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const r = await replayAndRank(s, (await s.defaultWorkspace()).id);
        if (opts.json) printJson(r);
        else process.stdout.write(replayLine(r) + '\n');
      });
    });
  const config = g.command('config').description('the incentive configuration (versioned JSON)');
  config
    .command('show')
    .description('print the configuration in force')
    .action(async (_o: unknown, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const c = await activeConfig(s.rows.db, (await s.defaultWorkspace()).id);
        if (!c) throw new CliError('no configuration yet: install one with `sheyun gamification preset NAME`');
        printJson({ version: c.version, note: c.note, config: c.config });
      });
    });
  config
    .command('set <file>')
    .description('save a configuration from a JSON file as a new version (validated; errors name the field)')
    .option('--note <text>', 'why it changed')
    .action(async (file: string, opts: { note?: string }, cmd: Command) => {
      const input = readJson(file);
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const saved = await saveConfig(s.rows, (await s.defaultWorkspace()).id, input, opts.note ?? null, s.clock.nowMicros());
        process.stdout.write(`saved configuration version ${saved.version}; new events follow it now, \`sheyun gamification replay\` applies it to the past\n`);
      });
    });
  g.command('export <what>')
    .description('balances (member_external_id,platform,points,level) or badges (member_external_id,badge,awarded_at)')
    .option('--format <format>', 'csv', 'csv')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (what: string, opts: { format: string; out?: string }, cmd: Command) => {
      if (opts.format !== 'csv') throw new CliError(`--format: only csv is supported (got "${opts.format}")`);
      if (what !== 'balances' && what !== 'badges') throw new CliError(`export: choose balances or badges (got "${what}")`);
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        write(what === 'balances' ? await balancesCsv(s.rows.db, ws) : await badgesCsv(s.rows.db, ws), opts.out);
      });
    });
  g.command('leaderboard')
    .description('the top of a leaderboard')
    .option('--board <board>', "'all' or 'category:<name>'", 'all')
    .option('--period <kind>', 'all, month, week or day', 'all')
    .option('--day <YYYY-MM-DD>', 'the day whose month/week/day to show (default: today, UTC)')
    .option('--limit <n>', 'how many', '20')
    .action(async (opts: { board: string; period: string; day?: string; limit: string }, cmd: Command) => {
      if (!['all', 'month', 'week', 'day'].includes(opts.period)) throw new CliError(`--period: all, month, week or day (got "${opts.period}")`);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new CliError(`--limit: a whole number 1–1000 (got "${opts.limit}")`);
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        await catchUpLeaderboards(s.rows, ws);
        const day = opts.day ?? new Date(s.clock.nowMicros() / 1000).toISOString().slice(0, 10);
        printJson(await leaderboardTop(s.rows.boards.db, ws, { board: opts.board, period: periodKey(opts.period as PeriodKind, day), limit }));
      });
    });
}
