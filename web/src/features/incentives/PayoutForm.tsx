/**
 * The payout report's question: which days, how much to share (typed in yuan, sent in fen exactly), in which
 * currency, which categories' points count, and the thresholds. Checked here first; the server's refusals are shown
 * at the field they name.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { Card } from '../../components/ui/Card.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { todayIn } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { messageWithoutField } from '../segments/FormError.tsx';
import { TextField } from '../../components/ui/TextField.tsx';
import type { PayoutRequest } from './hooks/types.ts';
import { yuanToFen } from './model/money.ts';
import { fieldOfServerPath, payoutRequest, type PayoutField, type PayoutFields, type PayoutProblem } from './model/payoutForm.ts';
import { monthStart } from './model/period.ts';

export function PayoutForm(props: { categories: readonly string[]; timeZone: string; pending: boolean; error: Error | null; onSubmit: (r: PayoutRequest) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [fields, setFields] = useState<PayoutFields>(() => {
    const today = todayIn(props.timeZone);
    return { from: monthStart(today), to: today, pool: '', currency: 'CNY', minPoints: '', minPayout: '', categories: [] };
  });
  const [problems, setProblems] = useState<Partial<Record<PayoutField, PayoutProblem>>>({});
  const set = (k: keyof PayoutFields) => (v: string) => {
    setFields((x) => ({ ...x, [k]: v }));
    setProblems((p) => ({ ...p, [k]: undefined }));
  };
  const api = props.error instanceof ApiError && props.error.code === 'invalid_request' ? props.error : null;
  const serverField = fieldOfServerPath(api?.field);
  const problemText = (k: PayoutField): string | null => {
    const p = problems[k];
    if (p) return t(`incentives.payout.problem.${p}`);
    if (api && serverField === k) return messageWithoutField(api.message, api.field ?? '');
    return null;
  };
  const pool = yuanToFen(fields.pool);
  const minPayout = yuanToFen(fields.minPayout);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = payoutRequest(fields);
    if (!r.ok) return setProblems(r.problems);
    setProblems({});
    props.onSubmit(r.request);
  };

  const toggle = (c: string) =>
    setFields((x) => ({ ...x, categories: x.categories.includes(c) ? x.categories.filter((y) => y !== c) : [...x.categories, c] }));

  return (
    <Card testId="inc-payout-form" title={t('incentives.payout.formTitle')} help={t('incentives.payout.formHelp')}>
      <form className="segment-form" onSubmit={submit} noValidate>
        <div className="inc-form-row">
          <TextField type="date" label={t('incentives.payout.from')} help={t('incentives.payout.fromHelp', { tz: props.timeZone })} value={fields.from} onChange={set('from')} problem={problemText('from')} testId="inc-payout-from" />
          <TextField type="date" label={t('incentives.payout.to')} help={t('incentives.payout.toHelp')} value={fields.to} onChange={set('to')} problem={problemText('to')} testId="inc-payout-to" />
        </div>
        <div className="inc-form-row">
          <TextField
            label={t('incentives.payout.pool')}
            inputMode="decimal"
            placeholder="10000.00"
            mono
            help={
              <span data-testid="inc-pool-fen">
                {pool.ok ? t('incentives.payout.poolFen', { fen: f.number(pool.fen) }) : t('incentives.payout.poolHelp')}
              </span>
            }
            value={fields.pool}
            onChange={set('pool')}
            problem={problemText('pool')}
            testId="inc-payout-pool"
          />
          <TextField label={t('incentives.payout.currency')} help={t('incentives.payout.currencyHelp')} value={fields.currency} onChange={set('currency')} problem={problemText('currency')} mono testId="inc-payout-currency" />
        </div>
        <div className="inc-form-row">
          <TextField
            label={t('incentives.payout.minPoints')}
            inputMode="numeric"
            placeholder="0"
            help={t('incentives.payout.minPointsHelp')}
            value={fields.minPoints}
            onChange={set('minPoints')}
            problem={problemText('minPoints')}
            testId="inc-payout-min-points"
          />
          <TextField
            label={t('incentives.payout.minPayout')}
            inputMode="decimal"
            placeholder="0.00"
            help={minPayout.ok ? t('incentives.payout.minPayoutFen', { fen: f.number(minPayout.fen) }) : t('incentives.payout.minPayoutHelp')}
            value={fields.minPayout}
            onChange={set('minPayout')}
            problem={problemText('minPayout')}
            testId="inc-payout-min-payout"
          />
        </div>
        {props.categories.length > 0 && (
          <fieldset className="inc-categories" data-testid="inc-payout-categories">
            <legend className="field__label th-help">
              {t('incentives.payout.categories')}
              <HelpTip text={t('incentives.payout.categoriesHelp')} align="start" />
            </legend>
            {props.categories.map((c) => (
              <label key={c} className="inc-check">
                <input type="checkbox" checked={fields.categories.includes(c)} onChange={() => toggle(c)} data-testid="inc-payout-category" value={c} />
                <code>{c}</code>
              </label>
            ))}
            <span className="muted small">{fields.categories.length === 0 ? t('incentives.payout.allCategories') : t('incentives.payout.someCategories', { n: fields.categories.length })}</span>
          </fieldset>
        )}
        {props.error && !serverField && <ErrorState error={props.error} />}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={props.pending} data-testid="inc-payout-submit">
            {props.pending && <span className="spinner" aria-hidden="true" />}
            {props.pending ? t('incentives.payout.computing') : t('incentives.payout.compute')}
          </button>
          <span className="muted small">{t('incentives.payout.computeNote')}</span>
        </div>
      </form>
    </Card>
  );
}
