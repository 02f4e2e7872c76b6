/** The payout form's fields → the API's request, checked here first (dates, the pool in yuan → fen exactly, thresholds). */
import type { PayoutRequest } from '../hooks/types.ts';
import { yuanToFen, type YuanParse } from './money.ts';

export interface PayoutFields {
  from: string;
  to: string;
  pool: string;
  currency: string;
  minPoints: string;
  minPayout: string;
  categories: string[];
}

export type PayoutField = 'from' | 'to' | 'pool' | 'currency' | 'minPoints' | 'minPayout';
export type PayoutProblem = 'date' | 'order' | 'currency' | 'integer' | Exclude<YuanParse, { ok: true }>['problem'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The request, or the first problem of each field. */
export function payoutRequest(f: PayoutFields): { ok: true; request: PayoutRequest } | { ok: false; problems: Partial<Record<PayoutField, PayoutProblem>> } {
  const problems: Partial<Record<PayoutField, PayoutProblem>> = {};
  if (!DAY.test(f.from)) problems.from = 'date';
  if (!DAY.test(f.to)) problems.to = 'date';
  else if (DAY.test(f.from) && f.from > f.to) problems.to = 'order';
  const pool = yuanToFen(f.pool);
  if (!pool.ok) problems.pool = pool.problem;
  const currency = f.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.currency = 'currency';
  const minPoints = f.minPoints.trim();
  if (minPoints !== '' && !/^\d+$/.test(minPoints)) problems.minPoints = 'integer';
  const minPayout = f.minPayout.trim() === '' ? null : yuanToFen(f.minPayout);
  if (minPayout && !minPayout.ok) problems.minPayout = minPayout.problem;
  if (Object.keys(problems).length > 0 || !pool.ok) return { ok: false, problems };
  return {
    ok: true,
    request: {
      from: f.from,
      to: f.to,
      pool: { amount: pool.fen, currency },
      ...(f.categories.length > 0 ? { categories: [...f.categories].sort() } : {}),
      ...(minPoints !== '' ? { minPoints: Number(minPoints) } : {}),
      ...(minPayout?.ok ? { minPayout: minPayout.fen } : {}),
    },
  };
}

/** The form field a server error's `field` names (`pool.amount` → the pool input), or null. */
export function fieldOfServerPath(path: string | undefined): PayoutField | null {
  switch (path) {
    case 'from':
    case 'to':
    case 'minPoints':
    case 'minPayout':
      return path;
    case 'pool':
    case 'pool.amount':
      return 'pool';
    case 'pool.currency':
      return 'currency';
    default:
      return null;
  }
}
