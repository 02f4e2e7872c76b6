/** The saved segments as a table: name and key (linking to the segment), the condition in words, count, actions. */
import { useTranslation } from 'react-i18next';
import type { SegmentBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useSegmentsQuery } from '../../hooks/useSegmentsQuery.ts';
import { SegmentRow } from './SegmentRow.tsx';

export function SegmentListCard(props: { onEdit: (s: SegmentBody) => void; onDeleted: (s: SegmentBody) => void }) {
  const { t } = useTranslation();
  const q = useSegmentsQuery();
  const segments = q.data?.segments ?? [];
  return (
    <Card testId="segment-list" title={t('segments.listTitle')} help={t('segments.listHelp')}>
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={4} />
      ) : segments.length === 0 ? (
        <EmptyState>{t('segments.empty')}</EmptyState>
      ) : (
        <table className="table segment-table">
          <thead>
            <tr>
              <th>{t('segments.colName')}</th>
              <th>{t('segments.colCondition')}</th>
              <th className="num">
                <span className="th-help">
                  {t('segments.colCount')}
                  <HelpTip text={t('segments.colCountHelp')} align="end" />
                </span>
              </th>
              <th className="num">{t('segments.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((s) => (
              <SegmentRow key={s.key} segment={s} onEdit={() => props.onEdit(s)} onDeleted={() => props.onDeleted(s)} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
