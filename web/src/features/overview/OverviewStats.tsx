/** The four headline numbers of the overview, each with what it counts and how. */
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../src/api/schemas/index.ts';
import { StatCard } from '../../components/ui/StatCard.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function OverviewStats({ data }: { data: Overview | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tz = data?.timeZone ?? '…';
  const num = (n: number | undefined): string | null => (n === undefined ? null : f.number(n));
  const lag = data?.columnizerLag;
  return (
    <div className="stats">
      <StatCard
        testId="stat-members"
        label={t('overview.members')}
        value={num(data?.members)}
        help={t('overview.membersHelp')}
        caption={t('overview.membersCaption')}
      />
      <StatCard
        testId="stat-events-today"
        label={t('overview.eventsToday')}
        value={num(data?.eventsToday)}
        help={t('overview.eventsTodayHelp', { tz })}
        caption={t('overview.eventsTodayCaption', { tz })}
      />
      <StatCard
        testId="stat-events"
        label={t('overview.events')}
        value={num(data?.events)}
        help={t('overview.eventsHelp')}
        caption={t('overview.eventsCaption')}
      />
      <StatCard
        testId="stat-lag"
        label={t('overview.lag')}
        value={num(lag)}
        help={t('overview.lagHelp')}
        tone={lag === 0 ? 'ok' : 'default'}
        caption={lag === undefined ? undefined : lag === 0 ? t('overview.lagUpToDate') : t('overview.lagPending', { n: f.number(lag) })}
      />
    </div>
  );
}
