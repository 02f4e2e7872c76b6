/** The payout form sends exact fen and reports each field's problem before sending. */
import { describe, expect, it } from 'vitest';
import { fieldOfServerPath, payoutRequest } from './payoutForm.ts';

const base = { from: '2026-11-01', to: '2026-11-30', pool: '1000.03', currency: 'cny', minPoints: '', minPayout: '', categories: [] };

describe('payoutRequest', () => {
  it('builds the request with the pool in fen', () => {
    expect(payoutRequest(base)).toEqual({ ok: true, request: { from: '2026-11-01', to: '2026-11-30', pool: { amount: 100003, currency: 'CNY' } } });
    expect(payoutRequest({ ...base, pool: '0.29', minPoints: '10', minPayout: '1.1', categories: ['growth', 'creation'] })).toEqual({
      ok: true,
      request: { from: '2026-11-01', to: '2026-11-30', pool: { amount: 29, currency: 'CNY' }, categories: ['creation', 'growth'], minPoints: 10, minPayout: 110 },
    });
  });

  it('names each field’s problem', () => {
    expect(payoutRequest({ ...base, to: '2026-10-01', pool: '1.234', currency: 'yuan', minPoints: '2.5', minPayout: 'x' })).toEqual({
      ok: false,
      problems: { to: 'order', pool: 'decimals', currency: 'currency', minPoints: 'integer', minPayout: 'format' },
    });
    expect(payoutRequest({ ...base, from: '', pool: '' })).toEqual({ ok: false, problems: { from: 'date', pool: 'empty' } });
  });

  it('maps the server’s field paths to the form', () => {
    expect(fieldOfServerPath('pool.amount')).toBe('pool');
    expect(fieldOfServerPath('pool.currency')).toBe('currency');
    expect(fieldOfServerPath('to')).toBe('to');
    expect(fieldOfServerPath('rules.0')).toBeNull();
    expect(fieldOfServerPath(undefined)).toBeNull();
  });
});
