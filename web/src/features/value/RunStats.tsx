/** The run's headline numbers: members scored, buyers, repeat buyers and tier changes, each explained. */
import { useTranslation } from 'react-i18next';
import type { ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { StatCard } from '../../components/ui/StatCard.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function RunStats({ report }: { report: ScoringReportBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const share = (n: number, of: number) => (of > 0 ? f.percent(n / of) : '–');
  return (
    <div className="stats">
      <StatCard
        testId="stat-scored"
        label={t('value.scored')}
        value={f.number(report.members)}
        help={t('value.scoredHelp')}
        caption={t('value.scoredCaption')}
      />
      <StatCard
        testId="stat-buyers"
        label={t('value.buyers')}
        value={f.number(report.buyers)}
        help={t('value.buyersHelp')}
        caption={t('value.buyersCaption', { share: share(report.buyers, report.members) })}
      />
      <StatCard
        testId="stat-repeat-buyers"
        label={t('value.repeatBuyers')}
        value={f.number(report.repeatBuyers)}
        help={t('value.repeatBuyersHelp')}
        caption={t('value.repeatBuyersCaption', { share: share(report.repeatBuyers, report.buyers) })}
      />
      <StatCard
        testId="stat-tier-changes"
        label={t('value.tierChanges')}
        value={f.number(report.tierChanges)}
        help={t('value.tierChangesHelp')}
        caption={t('value.tierChangesCaption')}
      />
    </div>
  );
}
