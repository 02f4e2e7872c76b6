/** The member's events, newest first, 50 at a time with "load more". */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { LoadMoreButton } from '../../components/ui/LoadMoreButton.tsx';
import { useMemberEventsQuery } from '../../hooks/useMemberEventsQuery.ts';
import { TimelineItem } from './TimelineItem.tsx';

export function TimelineCard({ memberId, timeZone }: { memberId: string; timeZone: string }) {
  const { t } = useTranslation();
  const q = useMemberEventsQuery(memberId);
  const events = q.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <Card
      title={t('member.timeline')}
      help={t('member.timelineHelp')}
      testId="member-timeline"
      footer={t('common.timesIn', { tz: timeZone })}
    >
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={6} />
      ) : events.length === 0 ? (
        <EmptyState>{t('member.noEvents')}</EmptyState>
      ) : (
        <>
          <ol className="timeline">
            {events.map((e) => (
              <TimelineItem key={`${e.id}|${e.role}`} event={e} timeZone={timeZone} />
            ))}
          </ol>
          {q.isFetchNextPageError && <ErrorState error={q.error} />}
          <LoadMoreButton
            hasMore={q.hasNextPage}
            loading={q.isFetchingNextPage}
            onClick={() => void q.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}
