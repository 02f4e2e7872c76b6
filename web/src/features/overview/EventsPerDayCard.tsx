/** The events-per-day chart with its 30/90-day switch and a note when the column store lags behind. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../src/api/schemas/index.ts';
import { EventsPerDayChart } from '../../components/charts/EventsPerDayChart.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { SegmentedControl } from '../../components/ui/SegmentedControl.tsx';
import { todayIn } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { fillDays } from './fillDays.ts';

export const DAY_RANGES = [30, 90] as const;
export type DayRange = (typeof DAY_RANGES)[number];

export function EventsPerDayCard(props: { data: Overview | undefined; days: DayRange; onDays: (d: DayRange) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
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
      footer={
        <>
          <span>{t('overview.perDayHelp', { tz })}</span>
          {data && data.columnizerLag > 0 && (
            <span className="muted"> {t('overview.perDayLagNote', { n: f.number(data.columnizerLag) })}</span>
          )}
        </>
      }
    >
      {data ? (
        <EventsPerDayChart
          points={points}
          seriesName={t('overview.chartSeries')}
          ariaLabel={`${t('overview.perDayTitle')} · ${t('overview.days', { days })}`}
        />
      ) : (
        <LoadingState rows={5} />
      )}
    </Card>
  );
}
