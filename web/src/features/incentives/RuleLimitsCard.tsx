/**
 * The limits of the whole rule set in plain words: per-rule caps, the daily cap across rules (and which rules are
 * outside it), the balance floor, a starting balance, the order they apply in, and the time zone days follow.
 */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { RuleSetView } from './model/configView.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

export function RuleLimitsCard({ set, timeZone, problem }: { set: RuleSetView; timeZone: string; problem: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const byId = new Map(set.rules.map((r) => [r.id, r]));
  const tz = set.timeZone ?? timeZone;
  const capped = set.rules.filter((r) => r.caps.perDay !== null || r.caps.perWeek !== null || r.caps.lifetime !== null).length;
  return (
    <Card testId="inc-limits" title={t('incentives.limits.title')} help={t('incentives.limits.help')} className={problem ? 'inc-card--error' : undefined}>
      <dl className="inc-limits">
        <div>
          <dt>{t('incentives.limits.ruleCaps')}</dt>
          <dd data-testid="inc-limit-rule-caps">{t('incentives.limits.ruleCapsText', { n: f.number(capped) })}</dd>
        </div>
        <div>
          <dt>{t('incentives.limits.dailyCap')}</dt>
          <dd data-testid="inc-limit-daily">
            {set.dailyCap
              ? t('incentives.limits.dailyCapText', { n: f.number(set.dailyCap.points), tz }) +
                (set.dailyCap.exempt.length > 0
                  ? t('incentives.limits.dailyCapExempt', { rules: words.list(set.dailyCap.exempt.map((id) => words.name(byId.get(id)?.name ?? null, id))) })
                  : '')
              : t('incentives.limits.noDailyCap')}
          </dd>
        </div>
        <div>
          <dt>{t('incentives.limits.floor')}</dt>
          <dd data-testid="inc-limit-floor">{set.floor !== null ? t('incentives.limits.floorText', { n: f.number(set.floor) }) : t('incentives.limits.noFloor')}</dd>
        </div>
        {set.startingBalance !== null && (
          <div>
            <dt>{t('incentives.limits.starting')}</dt>
            <dd>{t('incentives.limits.startingText', { n: f.number(set.startingBalance) })}</dd>
          </div>
        )}
        <div>
          <dt>{t('incentives.limits.order')}</dt>
          <dd>{t('incentives.limits.orderText')}</dd>
        </div>
        <div>
          <dt>{t('incentives.limits.days')}</dt>
          <dd data-testid="inc-limit-tz">{t('incentives.limits.daysText', { tz })}</dd>
        </div>
      </dl>
      {problem && (
        <div className="field__error" data-testid="inc-limits-error">
          {problem}
        </div>
      )}
    </Card>
  );
}
