/**
 * `sheyun import events FILE` (JSONL/CSV) and `sheyun import stackexchange DIR`: streaming, resumable imports with a
 * progress bar on stderr, rejections naming file lines, a summary (or `--json`) on stdout. Behaviour and exit codes:
 * docs/importers/files.md.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { z } from 'zod';
import { workspaceStatus } from '../../analytics/index.ts';
import { AppError } from '../../core/index.ts';
import { DEFAULT_BATCH_SIZE, importEventsFile, importStackExchangeDump, MAX_BATCH_SIZE, type FileImportResult, type ImportRejection } from '../../ingest/index.ts';
import type { Sheyun } from '../../main.ts';
import { CliError, printJson, withSheyun } from '../context.ts';

const SHOWN_REJECTIONS = 20;
const PLAIN_PROGRESS_EVERY_MS = 10_000;

const commonFlags = {
  platform: z.string().optional(),
  force: z.boolean().default(false),
  json: z.boolean().default(false),
  progress: z.boolean().default(true),
};
const eventsFlags = z.object({
  ...commonFlags,
  platform: z.string().default('import'),
  format: z.enum(['jsonl', 'csv']).optional(),
  batchSize: z.coerce.number().int().min(1).max(MAX_BATCH_SIZE).default(DEFAULT_BATCH_SIZE),
  rejects: z.string().min(1).optional(),
});
const dumpFlags = z.object(commonFlags);

const FLAG_NAMES: Record<string, string> = { batchSize: '--batch-size', format: '--format', platform: '--platform', rejects: '--rejects' };

function parseFlags<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const i = r.error.issues[0]!;
  const key = String(i.path[0] ?? '');
  throw new CliError(`${FLAG_NAMES[key] ?? key}: ${i.message}`);
}

export function registerImport(program: Command): void {
  const imp = program.command('import').description('import events from files and community dumps (resumable: re-running imports nothing twice)');
  imp
    .command('events <file>')
    .description('import a JSONL or CSV file of Segment messages (track, identify, …), optionally gzipped')
    .option('--format <format>', 'jsonl | csv (default: from the extension)')
    .option('--platform <name>', 'platform of identities when a message names none', 'import')
    .option('--batch-size <n>', 'messages per transaction', String(DEFAULT_BATCH_SIZE))
    .option('--rejects <file>', 'write every rejected line to this JSONL file')
    .option('--force', 're-read a file that was already imported (duplicates are still skipped)')
    .option('--json', 'print the summary as one JSON object on stdout')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (file: string, raw: unknown, cmd: Command) => {
      const flags = parseFlags(eventsFlags, raw);
      await withSheyun(cmd, { columnStore: 'optional' }, async (s) => {
        const ws = await s.defaultWorkspace();
        const progress = new Progress(flags.progress);
        const rejects = new RejectionLog(progress, flags.rejects);
        const stop = stopOnSigint(progress);
        let result: FileImportResult | undefined;
        try {
          result = await importEventsFile(s.ingest, {
            workspaceId: ws.id,
            path: file,
            ...(flags.format ? { format: flags.format } : {}),
            defaultPlatform: flags.platform,
            batchSize: flags.batchSize,
            force: flags.force,
            signal: stop.signal,
            onStart: (i) => {
              progress.start(i.size, '{bar} {percentage}% | {done} / {size} | {rate} events/s | ETA {eta_formatted} | line {line}', { size: bytes(i.size) });
              if (i.resumeAfterLine > 0) progress.log(`resuming ${basename(file)} after line ${i.resumeAfterLine} (committed by an earlier run)`);
            },
            onProgress: (p) => {
              const done = p.accepted + p.duplicates + p.rejected;
              progress.update(p.bytesRead, { done: bytes(p.bytesRead), rate: rate(done, p.elapsedMs), line: p.line }, () =>
                `${basename(file)}: ${pct(p.bytesRead, p.bytesTotal)} (${bytes(p.bytesRead)} of ${bytes(p.bytesTotal)}), line ${p.line}, ${done.toLocaleString('en-US')} events, ${rate(done, p.elapsedMs)} events/s, ETA ${eta(p.bytesRead, p.bytesTotal, p.elapsedMs)}`,
              );
            },
            onRejection: (r) => rejects.add(r),
            onWarning: (w) => progress.log(`line ${w.line}: warning ${w.code}: ${w.message}`),
          });
        } catch (err) {
          progress.stop();
          const partial = err instanceof AppError ? (err.details as FileImportResult | undefined) : undefined;
          if (partial?.file !== undefined) {
            process.stderr.write(
              `stopped by the error below; committed before it: ${counts(partial)}, up to line ${partial.lastLine}. ` +
                `Fix the file and run the same command again (events already stored are recognised and skipped).\n`,
            );
            await drainColumns(s, true);
          }
          throw err;
        } finally {
          stop.dispose();
          progress.stop();
          await rejects.close();
        }
        const done = result.accepted + result.duplicates + result.rejected;
        if (flags.json) {
          const columnStore = result.status === 'already_imported' ? undefined : await drainColumns(s, true);
          printJson({
            command: 'import events',
            workspace: ws.slug,
            ...result,
            elapsedMs: Math.round(result.elapsedMs),
            eventsPerSecond: Math.round(done / Math.max(result.elapsedMs / 1000, 1e-3)),
            rejections: rejects.first,
            ...(flags.rejects ? { rejectsFile: flags.rejects } : {}),
            columnStore,
          });
        } else if (result.status === 'already_imported') {
          out(`${basename(file)} was already imported into workspace ${ws.slug} (through line ${result.lastLine}); nothing to do. Use --force to re-read it.`);
        } else {
          const verb = result.status === 'interrupted' ? `interrupted after line ${result.lastLine}` : 'imported';
          out(`${basename(file)} ${verb}: ${counts(result)} in ${seconds(result.elapsedMs)} (${rate(done, result.elapsedMs)} events/s)`);
          if (result.rejected > 0) out(rejects.footer(result.rejected));
          if (result.resumedAfterLine > 0) out(`resumed after line ${result.resumedAfterLine}, committed by an earlier run`);
          if (result.status === 'interrupted') out('run the same command again to continue where it stopped');
          await drainColumns(s, false);
        }
        if (result.status === 'interrupted') process.exitCode = 130;
      });
    });

  imp
    .command('stackexchange <dir>')
    .description('import a Stack Exchange data-dump folder (Users, Posts, Comments, Votes, Badges, PostHistory, PostLinks)')
    .option('--platform <name>', 'platform of the site\'s identities (default stackexchange:<folder name>)')
    .option('--force', 're-read a dump that was already imported (duplicates are still skipped)')
    .option('--json', 'print the summary as one JSON object on stdout')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (dir: string, raw: unknown, cmd: Command) => {
      const flags = parseFlags(dumpFlags, raw);
      await withSheyun(cmd, { columnStore: 'optional' }, async (s) => {
        const ws = await s.defaultWorkspace();
        const progress = new Progress(flags.progress);
        const stop = stopOnSigint(progress);
        let shownRejections = 0;
        let file = '';
        const result = await importStackExchangeDump(s.ingest, {
          workspaceId: ws.id,
          dir,
          ...(flags.platform ? { platform: flags.platform } : {}),
          force: flags.force,
          signal: stop.signal,
          onPlan: (plan, resumeAt) => {
            if (plan.missing.length > 0) progress.log(`not in the dump (skipped): ${plan.missing.map((f) => `${f}.xml`).join(', ')}`);
            if (resumeAt) progress.log(`resuming at ${resumeAt.file}.xml row ${resumeAt.row} (committed by an earlier run)`);
          },
          onProgress: (p) => {
            if (p.file !== file) {
              progress.stop();
              file = p.file;
              const name = p.file.padEnd(11);
              if (p.fileRows === undefined) progress.start(0, `${name} {value} rows | {rate} events/s`, { rate: '0' });
              else progress.start(p.fileRows, `${name} {bar} {value}/{total} rows | {rate} events/s | ETA {eta_formatted}`, { rate: '0' });
            }
            const done = p.accepted + p.duplicates + p.rejected;
            progress.update(p.row, { rate: rate(done, p.elapsedMs) }, () => `${p.file}.xml: row ${p.row}${p.fileRows ? ` of ${p.fileRows}` : ''}, ${done.toLocaleString('en-US')} events, ${rate(done, p.elapsedMs)} events/s`);
          },
          onRejection: (r) => {
            if (shownRejections++ < SHOWN_REJECTIONS) progress.log(`${r.file}.xml rows ≤ ${r.row}: ${r.code}${r.field ? ` ${r.field}` : ''}: ${r.message}`);
          },
          onWarning: (w) => {
            if (shownRejections++ < SHOWN_REJECTIONS) progress.log(`${w.file}.xml: ${w.message}`);
          },
        }).finally(() => {
          stop.dispose();
          progress.stop();
        });
        const status = await workspaceStatus(s.rows, ws);
        const done = result.accepted + result.duplicates + result.rejected;
        if (flags.json) {
          const columnStore = result.status === 'already_imported' ? undefined : await drainColumns(s, true);
          printJson({
            command: 'import stackexchange',
            workspace: ws.slug,
            ...result,
            elapsedMs: Math.round(result.elapsedMs),
            eventsPerSecond: Math.round(done / Math.max(result.elapsedMs / 1000, 1e-3)),
            columnStore,
            workspaceMembers: status.members,
            workspaceEvents: status.events,
          });
        } else if (result.status === 'already_imported') {
          out(`${dir} was already imported into workspace ${ws.slug} (platform ${result.platform}); nothing to do. Use --force to re-read it.`);
        } else {
          const verb = result.status === 'interrupted' ? `interrupted at ${result.position?.file}.xml row ${result.position?.row}` : 'imported';
          out(`${basename(dir)} ${verb} (platform ${result.platform}): ${counts(result)} in ${seconds(result.elapsedMs)} (${rate(done, result.elapsedMs)} events/s)`);
          for (const [name, n] of Object.entries(result.byEvent).sort((a, b) => b[1] - a[1])) out(`  ${name.padEnd(30)} ${n.toLocaleString('en-US').padStart(10)}`);
          if (result.skippedRows > 0) out(`${result.skippedRows} rows lacked a required attribute and were skipped`);
          out(`workspace ${ws.slug} now has ${status.members.toLocaleString('en-US')} members and ${status.events.toLocaleString('en-US')} events`);
          if (result.status === 'interrupted') out('run the same command again to continue where it stopped');
          await drainColumns(s, false);
        }
        if (result.status === 'interrupted') process.exitCode = 130;
      });
    });
}

/** After an import: copy the new events into the column store, unless a running server holds it (it catches up itself). */
async function drainColumns(s: Sheyun, quiet: boolean): Promise<{ copied: number | null; note?: string }> {
  if (!s.columnizer) {
    const note = 'the column store is held by another process (a running server?); it copies the new events itself';
    if (!quiet) out(note);
    return { copied: null, note };
  }
  const started = performance.now();
  const copied = await s.columnizer.drain();
  if (!quiet && copied > 0) out(`column store: ${plural(copied, 'event')} copied in ${seconds(performance.now() - started)}; analytics are up to date`);
  return { copied };
}

/** Ctrl-C stops after the chunk in progress (its position is saved); a second Ctrl-C quits at once. */
function stopOnSigint(progress: Progress): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    progress.log('stopping after the current chunk (Ctrl-C again to quit at once; committed chunks are kept)');
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => void process.off('SIGINT', onSigint) };
}

/** A progress bar on a terminal; elsewhere (logs, CI) one plain line every 10 s. Both on stderr. */
class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private multi: cliProgress.MultiBar | undefined;
  private bar: cliProgress.SingleBar | undefined;
  private lastPlain = performance.now();

  constructor(private readonly enabled: boolean) {}

  start(total: number, format: string, payload: Record<string, unknown>): void {
    if (!this.enabled || !this.tty) return;
    this.multi ??= new cliProgress.MultiBar({ stream: process.stderr, format, hideCursor: true, etaBuffer: 50, fps: 5 }, cliProgress.Presets.shades_classic);
    this.bar = this.multi.create(total, 0, { rate: '0', done: '0 B', line: 0, ...payload }, { format });
  }

  update(value: number, payload: Record<string, unknown>, plain: () => string): void {
    if (!this.enabled) return;
    if (this.bar) return void this.bar.update(value, payload);
    if (this.tty || performance.now() - this.lastPlain < PLAIN_PROGRESS_EVERY_MS) return;
    this.lastPlain = performance.now();
    process.stderr.write(plain() + '\n');
  }

  log(line: string): void {
    if (this.multi) this.multi.log(line + '\n');
    else process.stderr.write(line + '\n');
  }

  stop(): void {
    this.bar = undefined;
    this.multi?.stop();
    this.multi = undefined;
  }
}

/** Rejected lines: the first 20 on stderr, all of them in `--rejects FILE` when given. */
class RejectionLog {
  readonly first: ImportRejection[] = [];
  private readonly file: WriteStream | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly progress: Progress,
    private readonly path: string | undefined,
  ) {
    this.file = path === undefined ? undefined : createWriteStream(path, { flags: 'w' });
    this.file?.on('error', (err) => void (this.failure ??= err));
  }

  add(r: ImportRejection): void {
    if (this.first.length < SHOWN_REJECTIONS) {
      this.first.push(r);
      this.progress.log(`line ${r.line}: ${r.code}${r.field ? ` ${r.field}` : ''}: ${r.message}`);
    }
    this.file?.write(JSON.stringify(r) + '\n');
  }

  footer(total: number): string {
    const more = total > this.first.length ? `; ${(total - this.first.length).toLocaleString('en-US')} more not shown` : '';
    const where = this.path ? `all of them are in ${this.path}` : 'use --rejects FILE.jsonl to get all of them';
    return `${plural(total, 'rejected line')} (listed on stderr${more}); ${where}`;
  }

  async close(): Promise<void> {
    if (this.file) await new Promise<void>((resolve) => this.file!.end(resolve));
    if (this.failure) throw new CliError(`cannot write ${this.path}: ${this.failure.message}`);
  }
}

function counts(r: { accepted: number; duplicates: number; rejected: number }): string {
  const n = (v: number) => v.toLocaleString('en-US');
  return `${n(r.accepted)} accepted, ${n(r.duplicates)} duplicates, ${n(r.rejected)} rejected`;
}

function plural(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function out(line: string): void {
  process.stdout.write(line + '\n');
}

function rate(n: number, ms: number): string {
  return Math.round(n / Math.max(ms / 1000, 1e-3)).toLocaleString('en-US');
}

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

function pct(done: number, total: number): string {
  return total > 0 ? `${Math.min(100, Math.floor((done / total) * 100))}%` : '?%';
}

function eta(done: number, total: number, ms: number): string {
  if (done <= 0 || total <= done) return '0 s';
  return seconds(((total - done) / done) * ms);
}
