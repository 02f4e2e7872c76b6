/** A saved segment's condition in words, how many members match now and after the last run, and its JSON. */
import { useTranslation } from 'react-i18next';
import type { SegmentBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { Fact } from '../../components/ui/Fact.tsx';
import { useSegmentHistoryQuery } from '../../hooks/useSegmentHistoryQuery.ts';
import { useSegmentPreviewQuery } from '../../hooks/useSegmentPreview.ts';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { formatDefinition } from './definitionText.ts';
import { useSegmentSummary } from './useSegmentSummary.ts';

export function DefinitionCard({ segment, timeZone }: { segment: SegmentBody; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const summarize = useSegmentSummary();
  const now = useSegmentPreviewQuery(segment.key, segment.updatedAt, segment.definition);
  const history = useSegmentHistoryQuery(segment.key);
  const lastMembers = history.data?.lastMembers;
  const time = (us: number) => f.dateTime(isoFromMicros(us), timeZone) ?? '–';
  return (
    <Card testId="segment-definition-card" title={t('segments.detail.definitionTitle')} help={t('segments.detail.definitionHelp')}>
      <p className="segment-summary" data-testid="segment-summary">
        {summarize(segment.definition)}
      </p>
      <div className="facts">
        <Fact
          label={t('segments.detail.matchingNow')}
          help={t('segments.detail.matchingNowHelp')}
          testId="segment-matching-now"
          align="start"
          value={
            now.data
              ? t('segments.countOf', { count: f.number(now.data.count), scored: f.number(now.data.scored) })
              : now.isError
                ? now.error.message
                : '…'
          }
        />
        <Fact
          label={t('segments.detail.lastRunMembers')}
          help={t('segments.detail.lastRunMembersHelp')}
          testId="segment-last-run-members"
          value={lastMembers === undefined ? '…' : lastMembers === null ? t('segments.detail.notComputed') : f.number(lastMembers)}
        />
        <Fact label={t('segments.detail.createdAt')} help={t('segments.detail.timeHelp', { tz: timeZone })} value={time(segment.createdAt)} />
        <Fact label={t('segments.detail.updatedAt')} help={t('segments.detail.timeHelp', { tz: timeZone })} value={time(segment.updatedAt)} align="end" />
      </div>
      <details className="json-details">
        <summary>{t('segments.detail.showJson')}</summary>
        <pre className="json-block" data-testid="segment-json">
          {formatDefinition(segment.definition)}
        </pre>
      </details>
    </Card>
  );
}
