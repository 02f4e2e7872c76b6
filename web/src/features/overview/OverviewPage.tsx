/** Overview: live counts (polled every 10 s), events per day (30/90 days) and events by name. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useOverviewQuery } from '../../hooks/useOverviewQuery.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { EventsByNameCard } from './EventsByNameCard.tsx';
import { EventsPerDayCard, type DayRange } from './EventsPerDayCard.tsx';
import { OverviewStats } from './OverviewStats.tsx';

export function OverviewPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [days, setDays] = useState<DayRange>(30);
  const query = useOverviewQuery(days);
  const { data } = query;
  const updated = data ? f.time(data.generatedAt, data.timeZone) : null;
  return (
    <div className="page" data-testid="overview-page">
      <PageHeader
        title={t('overview.title')}
        subtitle={t('overview.subtitle')}
        actions={
          updated && (
            <span className={`live${query.isFetching ? ' is-fetching' : ''}`} data-testid="updated-at">
              <span className="live__dot" aria-hidden="true" title={query.isFetching ? t('overview.refreshing') : undefined} />
              {t('overview.updatedAt', { time: updated })}
            </span>
          )
        }
      />
      {query.isError && !data ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <OverviewStats data={data} />
          <div className="grid grid--overview">
            <EventsPerDayCard data={data} days={days} onDays={setDays} />
            <EventsByNameCard data={data} />
          </div>
        </>
      )}
    </div>
  );
}
