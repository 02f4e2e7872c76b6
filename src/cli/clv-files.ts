/**
 * Reads the CSV files `sheyun clv fit` takes: a per-customer summary (frequency, recency, T[, monetary_value], the
 * layout of the CDNOW summary files and of lifetimes' exports) or raw transactions. Errors name the line.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { CustomerSummary, Transaction } from '../models/index.ts';
import { CliError } from './context.ts';

/** Accepted header names per field; the CDNOW file with transactions says x, t_x, zbar. */
const SUMMARY_COLUMNS = {
  frequency: ['frequency', 'x'],
  recency: ['recency', 't_x'],
  T: ['T'],
  monetary: ['monetary_value', 'zbar'],
} as const;

async function* records(file: string): AsyncGenerator<{ line: number; row: Record<string, string> }> {
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
  // on_record runs as each record is parsed, when `ctx.lines` is that record's own line (the stream reads ahead).
  const parser = fs.createReadStream(file).pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      on_record: (row: Record<string, string>, ctx: { lines: number }) => ({ line: ctx.lines, row }),
    }),
  );
  try {
    for await (const r of parser as AsyncIterable<{ line: number; row: Record<string, string> }>) yield r;
  } catch (err) {
    throw new CliError(`${file} line ${parser.info.lines}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function column(file: string, header: string[], names: readonly string[], required: boolean): string | undefined {
  const found = names.find((n) => header.includes(n));
  if (!found && required) throw new CliError(`${file}: no column ${names.map((n) => `"${n}"`).join(' or ')} in the header (${header.join(',')})`);
  return found;
}

function number(file: string, line: number, name: string, text: string | undefined): number {
  const v = text === undefined || text === '' ? NaN : Number(text);
  if (!Number.isFinite(v)) throw new CliError(`${file} line ${line}: ${name} must be a number (got "${text ?? ''}")`);
  return v;
}

export async function readSummaryFile(file: string): Promise<{ rows: CustomerSummary[]; lines: number[] }> {
  const rows: CustomerSummary[] = [];
  const lines: number[] = [];
  let cols: { f: string; r: string; T: string; m: string | undefined } | undefined;
  for await (const { line, row } of records(file)) {
    if (!cols) {
      const header = Object.keys(row);
      cols = {
        f: column(file, header, SUMMARY_COLUMNS.frequency, true)!,
        r: column(file, header, SUMMARY_COLUMNS.recency, true)!,
        T: column(file, header, SUMMARY_COLUMNS.T, true)!,
        m: column(file, header, SUMMARY_COLUMNS.monetary, false),
      };
    }
    const r: CustomerSummary = { x: number(file, line, cols.f, row[cols.f]), tx: number(file, line, cols.r, row[cols.r]), T: number(file, line, cols.T, row[cols.T]) };
    if (cols.m) r.monetary = number(file, line, cols.m, row[cols.m]);
    rows.push(r);
    lines.push(line);
  }
  if (rows.length === 0) throw new CliError(`${file}: no customer rows`);
  return { rows, lines };
}

/** YYYY-MM-DD, YYYYMMDD or an ISO timestamp, as UTC milliseconds. */
export function parseDate(text: string): number | undefined {
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const t = compact ? Date.UTC(Number(compact[1]), Number(compact[2]) - 1, Number(compact[3])) : /^\d{4}-\d{2}-\d{2}/.test(text) ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) : NaN;
  return Number.isFinite(t) ? t : undefined;
}

export async function readTransactionsFile(file: string, cols: { customer: string; date: string; amount?: string }): Promise<Transaction[]> {
  const out: Transaction[] = [];
  let checked = false;
  for await (const { line, row } of records(file)) {
    if (!checked) {
      const header = Object.keys(row);
      for (const c of [cols.customer, cols.date, cols.amount]) if (c !== undefined) column(file, header, [c], true);
      checked = true;
    }
    const customer = row[cols.customer] ?? '';
    if (customer === '') throw new CliError(`${file} line ${line}: ${cols.customer} is empty`);
    const time = parseDate(row[cols.date] ?? '');
    if (time === undefined) throw new CliError(`${file} line ${line}: ${cols.date} is not a date (got "${row[cols.date] ?? ''}"; use YYYY-MM-DD)`);
    const t: Transaction = { customer, time };
    if (cols.amount) t.amount = number(file, line, cols.amount, row[cols.amount]);
    out.push(t);
  }
  if (out.length === 0) throw new CliError(`${file}: no transactions`);
  return out;
}
