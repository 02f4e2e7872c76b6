/** What a replay did: events read, ledger entries, badge awards and level changes written, time and speed, each explained. */
import { useTranslation } from 'react-i18next';
import { Fact } from '../../components/ui/Fact.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { ReplayReportBody } from './hooks/types.ts';

export function ReplayReport({ report, title }: { report: ReplayReportBody; title: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="notice notice--ok inc-replay" role="status" data-testid="inc-replay-report" data-version={report.version}>
      <div className="inc-replay__title">{title}</div>
      <div className="facts inc-replay__facts">
        <Fact testId="replay-events" label={t('incentives.replay.events')} help={t('incentives.replay.eventsHelp')} value={f.number(report.events)} align="start" />
        <Fact testId="replay-ledger" label={t('incentives.replay.ledgerEntries')} help={t('incentives.replay.ledgerEntriesHelp')} value={f.number(report.ledgerEntries)} />
        <Fact testId="replay-badges" label={t('incentives.replay.badgeAwards')} help={t('incentives.replay.badgeAwardsHelp')} value={f.number(report.badgeAwards)} />
        <Fact testId="replay-levels" label={t('incentives.replay.levelChanges')} help={t('incentives.replay.levelChangesHelp')} value={f.number(report.levelChanges)} />
        <Fact testId="replay-seconds" label={t('incentives.replay.seconds')} help={t('incentives.replay.secondsHelp')} value={t('incentives.replay.secondsValue', { s: f.decimal(report.seconds, 2) })} />
        <Fact
          testId="replay-rate"
          label={t('incentives.replay.rate')}
          help={t('incentives.replay.rateHelp', { s: f.decimal(report.evaluationSeconds, 3) })}
          value={f.number(report.eventsPerSecond)}
          align="end"
        />
      </div>
    </section>
  );
}
