/** The events-per-day chart with its 30/90-day switch and a help line saying how days are counted. */
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { SegmentedControl } from '../../components/ui/SegmentedControl.tsx';
import { todayIn } from '../../i18n/format.ts';
import { fillDays } from './fillDays.ts';

// ECharts is the largest dependency: load it in its own chunk, only when a chart is shown.
const EventsPerDayChart = lazy(() =>
  import('../../components/charts/EventsPerDayChart.tsx').then((m) => ({ default: m.EventsPerDayChart })),
);

export const DAY_RANGES = [30, 90] as const;
export type DayRange = (typeof DAY_RANGES)[number];

export function EventsPerDayCard(props: { data: Overview | undefined; days: DayRange; onDays: (d: DayRange) => void }) {
  const { t } = useTranslation();
  const { data, days } = props;
  const points = useMemo(
    () => (data ? fillDays(data.eventsPerDay, days, todayIn(data.timeZone)) : []),
    [data, days],
  );
  const tz = data?.timeZone ?? '…';
  return (
    <Card
      testId="events-per-day"
      title={t('overview.perDayTitle')}
      help={t('overview.perDayHelp', { tz })}
      actions={
        <SegmentedControl
          label={t('overview.perDayTitle')}
          value={days}
          options={DAY_RANGES.map((d) => ({ value: d, label: t('overview.days', { days: d }) }))}
          onChange={props.onDays}
          testId="days-switch"
        />
      }
      footer={t('overview.perDayHelp', { tz })}
    >
      {data ? (
        <Suspense fallback={<LoadingState rows={5} />}>
          <EventsPerDayChart
            points={points}
            seriesName={t('overview.chartSeries')}
            ariaLabel={`${t('overview.perDayTitle')} · ${t('overview.days', { days })}`}
          />
        </Suspense>
      ) : (
        <LoadingState rows={5} />
      )}
    </Card>
  );
}
