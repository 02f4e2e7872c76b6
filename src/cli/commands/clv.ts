/**
 * `sheyun clv fit`: BG/NBD (+ Gamma-Gamma) on any purchase summary or transaction log an operator exports, printed
 * as one JSON object. Needs no store.
 */
import type { Command } from 'commander';
import { calibrationHoldout, fitClv, summariseTransactions, SummaryError } from '../../models/index.ts';
import { parseDate, readSummaryFile, readTransactionsFile } from '../clv-files.ts';
import { CliError, printJson } from '../context.ts';

const UNITS: Record<string, number> = { day: 1, week: 7 };

interface FitFlags {
  summary?: string;
  transactions?: string;
  customer?: string;
  date?: string;
  amount?: string;
  calibrationEnd?: string;
  holdoutEnd?: string;
  unit: string;
}

function dateFlag(name: string, text: string): number {
  const t = parseDate(text);
  if (t === undefined) throw new CliError(`--${name} must be a date YYYY-MM-DD (got "${text}")`);
  return t;
}

async function fit(opts: FitFlags): Promise<void> {
  if (Boolean(opts.summary) === Boolean(opts.transactions)) throw new CliError('give exactly one of --summary FILE or --transactions FILE');
  if (opts.summary) {
    const { rows, lines } = await readSummaryFile(opts.summary);
    try {
      return printJson(fitClv(rows));
    } catch (err) {
      if (err instanceof SummaryError) throw new CliError(`${opts.summary} line ${lines[err.row - 1]}: ${err.message.replace(/^row \d+: /, '')}`);
      throw err;
    }
  }
  const unitDays = UNITS[opts.unit];
  if (!unitDays) throw new CliError(`--unit must be day or week (got "${opts.unit}")`);
  if (!opts.customer || !opts.date) throw new CliError('--transactions needs --customer COL and --date COL (and --amount COL for the spend model)');
  if (!opts.calibrationEnd) throw new CliError('--transactions needs --calibration-end DATE (the last day of the calibration period)');
  const calibrationEnd = dateFlag('calibration-end', opts.calibrationEnd);
  const holdoutEnd = opts.holdoutEnd ? dateFlag('holdout-end', opts.holdoutEnd) : undefined;
  if (holdoutEnd !== undefined && holdoutEnd <= calibrationEnd) throw new CliError('--holdout-end must be after --calibration-end');
  const txs = await readTransactionsFile(opts.transactions!, { customer: opts.customer, date: opts.date, ...(opts.amount ? { amount: opts.amount } : {}) });
  const rows = summariseTransactions(txs, { calibrationEnd, unitDays, ...(holdoutEnd !== undefined ? { holdoutEnd } : {}) });
  if (rows.length === 0) throw new CliError('no customer made a first purchase on or before --calibration-end');
  const report = fitClv(opts.amount ? rows : rows.map(({ monetary: _m, ...r }) => r));
  if (holdoutEnd === undefined) return printJson({ ...report, unit: opts.unit });
  const holdoutLength = Math.round((holdoutEnd - calibrationEnd) / 86_400_000) / unitDays;
  const holdout = calibrationHoldout(report, rows.map((r) => ({ ...r, holdoutPurchases: r.holdoutPurchases ?? 0 })), holdoutLength);
  printJson({ ...report, unit: opts.unit, holdout: { length: holdoutLength, byFrequency: holdout } });
}

export function registerClv(program: Command): void {
  const clv = program.command('clv').description('customer lifetime value models (BG/NBD, Gamma-Gamma)');
  clv
    .command('fit')
    .description('fit BG/NBD (and Gamma-Gamma when spend is known) to a summary or a transaction file; prints JSON')
    .option('--summary <file>', 'CSV with header frequency,recency,T[,monetary_value] (also x,t_x,T,zbar), one row per customer')
    .option('--transactions <file>', 'CSV of transactions, one row each')
    .option('--customer <col>', 'transactions: the customer id column')
    .option('--date <col>', 'transactions: the date column (YYYY-MM-DD, YYYYMMDD or ISO time)')
    .option('--amount <col>', 'transactions: the amount column (enables the spend model)')
    .option('--calibration-end <date>', 'transactions: last day of the calibration period')
    .option('--holdout-end <date>', 'transactions: last day of a holdout period to compare predictions with')
    .option('--unit <unit>', 'transactions: time unit of recency and T, day or week', 'week')
    .action(async (opts: FitFlags) => fit(opts));
}
