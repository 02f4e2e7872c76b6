/**
 * `sheyun scores run|show|settings` and `sheyun segments list|define|preview|export|check|delete`: the member value
 * and segment operations of the API, on a store no server holds (the column store is needed).
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import {
  checkMember,
  deleteSegment,
  getSegment,
  listSegments,
  loadScoringSettings,
  memberScores,
  parseSegment,
  previewSegment,
  runScoring,
  saveScoringSettings,
  saveSegment,
  segmentCsv,
  type ScoringReport,
} from '../../segments/index.ts';
import { CliError, printJson, withSheyun } from '../context.ts';
import { parseDate } from '../clv-files.ts';

function readJsonFile(file: string): unknown {
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new CliError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

function summary(r: ScoringReport): string {
  const sizes = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `run ${r.runId}: ${r.members} members scored (${r.buyers} buyers, ${r.repeatBuyers} repeat buyers)`,
    r.bgnbd ? `BG/NBD r=${r.bgnbd.r.toFixed(3)} α=${r.bgnbd.alpha.toFixed(3)} a=${r.bgnbd.a.toFixed(3)} b=${r.bgnbd.b.toFixed(3)}` : 'BG/NBD: not fitted',
    `lifecycle:     ${sizes(r.sizes.lifecycle)}`,
    `communication: ${sizes(r.sizes.communication)}`,
    `rfm:           ${sizes(r.sizes.rfm)}`,
    `tier changes since the last run: ${r.tierChanges}`,
    ...r.segments.map((s) => `segment ${s.key}: ${s.members} members (+${s.entered} −${s.left})`),
    ...r.warnings.map((w) => `warning: ${w}`),
  ].join('\n');
}

function asOfFlag(text: string | undefined, now: number): number {
  if (!text) return now;
  const t = parseDate(text);
  if (t === undefined) throw new CliError(`--as-of must be a date YYYY-MM-DD or an ISO time (got "${text}")`);
  return t * 1000;
}

export function registerScores(program: Command): void {
  const scores = program.command('scores').description('member value: RFM, lifetime value, three densities, tiers');
  scores
    .command('run')
    .description('score every member now (or as of a date) and refresh segment memberships')
    .option('--as-of <date>', 'score as of this date/time instead of now')
    .option('--json', 'print the whole report as JSON')
    .action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'required' }, async (s) => {
        const ws = await s.defaultWorkspace();
        await s.columnizer?.drain();
        const now = s.clock.nowMicros();
        const r = await runScoring(s.rows, s.columns!, { id: ws.id, timeZone: ws.timeZone }, { asOf: asOfFlag(opts.asOf, now), now });
        if (opts.json) printJson(r);
        else process.stdout.write(summary(r) + '\n');
      });
    });
  scores
    .command('show <member>')
    .description("a member's scores from the latest run (member id mem_…)")
    .action(async (member: string, _o: unknown, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const r = await memberScores(s.rows, (await s.defaultWorkspace()).id, member);
        if (!r) throw new CliError(`${member} has not been scored yet (run: sheyun scores run)`);
        printJson(r);
      });
    });
  scores
    .command('settings')
    .description('print the scoring settings, or replace them from a JSON file')
    .option('--set <file>', 'JSON file with the new settings (omitted fields take their defaults)')
    .action(async (opts: { set?: string }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        printJson(opts.set ? await saveScoringSettings(s.rows, ws, readJsonFile(opts.set), s.clock.nowMicros()) : await loadScoringSettings(s.rows, ws));
      });
    });

  const segments = program.command('segments').description('segments over traits, scores, tiers and event counts');
  segments
    .command('list')
    .description('saved segments')
    .action(async (_o: unknown, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => printJson(await listSegments(s.rows, (await s.defaultWorkspace()).id)));
    });
  segments
    .command('define <key> <file>')
    .description('save a segment (create or replace) from a JSON file holding its definition (docs/segments.md)')
    .option('--name <name>', 'display name (default: the key)')
    .action(async (key: string, file: string, opts: { name?: string }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const exists = (await listSegments(s.rows, ws)).some((x) => x.key === key);
        printJson(await saveSegment(s.rows, ws, { key, name: opts.name ?? key, definition: readJsonFile(file) }, s.clock.nowMicros(), exists ? 'update' : 'create'));
      });
    });
  segments
    .command('preview <file>')
    .description('count and sample the members a definition (JSON file) selects over the latest scores')
    .option('--sample <n>', 'sample size', '20')
    .action(async (file: string, opts: { sample: string }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'required' }, async (s) => {
        printJson(await previewSegment(s.columns!, (await s.defaultWorkspace()).id, readJsonFile(file), s.clock.nowMicros(), Math.max(0, Number(opts.sample) || 0)));
      });
    });
  segments
    .command('export <key>')
    .description("write a segment's members with their tiers and scores as CSV (stdout or --out)")
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (key: string, opts: { out?: string }, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'required' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const seg = await getSegment(s.rows, ws, key);
        const csv = await segmentCsv(s.columns!, ws, parseSegment(seg.definition), s.clock.nowMicros());
        if (opts.out) fs.writeFileSync(opts.out, csv);
        else process.stdout.write(csv);
      });
    });
  segments
    .command('check <key> <member>')
    .description('whether one member (mem_…) is in a segment now')
    .action(async (key: string, member: string, _o: unknown, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => {
        const ws = (await s.defaultWorkspace()).id;
        const seg = await getSegment(s.rows, ws, key);
        printJson({ segment: key, memberId: member, member: await checkMember(s.rows, ws, parseSegment(seg.definition), member, s.clock.nowMicros()) });
      });
    });
  segments
    .command('delete <key>')
    .description('delete a segment (its membership history stays)')
    .action(async (key: string, _o: unknown, cmd: Command) => {
      await withSheyun(cmd, { columnStore: 'none' }, async (s) => deleteSegment(s.rows, (await s.defaultWorkspace()).id, key));
    });
}
