/**
 * A member's points history, newest first: when, the rule behind each entry (in the UI language), the points
 * applied (and what the rule asked for when a cap or the floor cut it, with the limit in words), reversals marked.
 */
import { useTranslation } from 'react-i18next';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { oneOf } from '../value/tiers.ts';
import type { LedgerEntryBody } from './hooks/types.ts';
import type { RuleSetView } from './model/configView.ts';
import { CAP_REASONS, STARTING_BALANCE_RULE, useIncentiveWords } from './useIncentiveWords.ts';

export function LedgerTable({ entries, set, timeZone }: { entries: readonly LedgerEntryBody[]; set: RuleSetView | null; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const rules = new Map((set?.rules ?? []).map((r) => [r.id, r]));
  const ruleName = (e: LedgerEntryBody) =>
    e.ruleName ? words.name(e.ruleName, e.ruleId) : e.ruleId === STARTING_BALANCE_RULE ? t('incentives.ledger.startingBalance') : t('incentives.ledger.ruleGone', { id: e.ruleId });
  return (
    <table className="table table--compact inc-ledger" data-testid="inc-ledger">
      <thead>
        <tr>
          <th>
            <span className="th-help">
              {t('incentives.ledger.colTime')}
              <HelpTip text={t('incentives.ledger.colTimeHelp', { tz: timeZone })} align="start" />
            </span>
          </th>
          <th>
            <span className="th-help">
              {t('incentives.ledger.colRule')}
              <HelpTip text={t('incentives.ledger.colRuleHelp')} />
            </span>
          </th>
          <th className="num">
            <span className="th-help">
              {t('incentives.ledger.colPoints')}
              <HelpTip text={t('incentives.ledger.colPointsHelp')} />
            </span>
          </th>
          <th>
            <span className="th-help">
              {t('incentives.ledger.colWhy')}
              <HelpTip text={t('incentives.ledger.colWhyHelp')} align="end" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const reason = e.capped !== null && oneOf(CAP_REASONS, e.capped) ? e.capped : null;
          const limit = reason ? words.capLimit(reason, rules.get(e.ruleId), set) : '';
          return (
            <tr key={e.id} data-testid="inc-ledger-entry" data-entry={e.id} data-rule={e.ruleId} data-kind={e.kind} data-capped={e.capped ?? ''}>
              <td className="nowrap">
                <div>{f.dateTime(isoFromMicros(e.ts), timeZone)}</div>
                <div className="muted small">{t('incentives.ledger.countsFor', { day: f.day(e.day) })}</div>
              </td>
              <td>
                <span data-testid="inc-ledger-rule">{ruleName(e)}</span>{' '}
                {e.kind === 'reversal' && <span className="badge badge--warn">{t('incentives.ledger.reversal')}</span>}
                <div className="muted small">
                  <code>{e.ruleId}</code>
                  {e.ref && <> · {t('incentives.ledger.ref', { ref: e.ref })}</>}
                  {' · '}
                  {t('incentives.versionN', { version: e.configVersion })}
                </div>
              </td>
              <td className={`num inc-ledger__points${e.points < 0 ? ' inc-minus' : e.points > 0 ? ' inc-plus' : ''}`} data-testid="inc-ledger-points">
                {words.signed(e.points)}
                {e.requested !== e.points && <div className="muted small">{t('incentives.ledger.requested', { n: words.signed(e.requested) })}</div>}
              </td>
              <td className="small" data-testid="inc-ledger-why">
                {e.capped === null ? (
                  <span className="muted">
                    {e.kind !== 'reversal'
                      ? t('incentives.ledger.full')
                      : e.reverses
                        ? t('incentives.ledger.reversalOf', { rule: words.name(rules.get(e.reverses)?.name ?? { en: e.reverses, zh: e.reverses }, e.reverses) })
                        : t('incentives.ledger.reversalWhy')}
                  </span>
                ) : (
                  <span className="inc-capped">
                    {t('incentives.ledger.capped', {
                      requested: words.signed(e.requested),
                      points: words.signed(e.points),
                      reason: reason ? t(`incentives.capped.${reason}`) : e.capped,
                    })}
                    {limit && <span className="muted">{t('incentives.ledger.limit', { limit })}</span>}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
