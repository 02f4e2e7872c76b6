/** One segment (#/segments/:key): its condition and counts, export, edit and delete, and who entered or left it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../api/client.ts';
import { Icon } from '../../components/icons/Icon.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useSegmentQuery } from '../../hooks/useSegmentsQuery.ts';
import { useWorkspace } from '../../hooks/useWorkspace.ts';
import { DefinitionCard } from './DefinitionCard.tsx';
import { DeleteButton } from './DeleteButton.tsx';
import { ExportButton } from './ExportButton.tsx';
import { SegmentForm } from './SegmentForm.tsx';
import { SegmentHistoryCard } from './SegmentHistoryCard.tsx';

export function SegmentPage({ segmentKey }: { segmentKey: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { timeZone } = useWorkspace();
  const q = useSegmentQuery(segmentKey);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const segment = q.data;
  const missing = q.error instanceof ApiError && q.error.status === 404;
  return (
    <div className="page" data-testid="segment-page">
      <Link href="/segments" className="backlink" data-testid="segment-back">
        <Icon name="back" size={16} />
        {t('segments.back')}
      </Link>
      {missing ? (
        <EmptyState>{t('segments.notFound', { key: segmentKey })}</EmptyState>
      ) : q.isError && !segment ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !segment ? (
        <LoadingState rows={6} />
      ) : (
        <>
          <PageHeader
            title={segment.name}
            subtitle={<code data-testid="segment-key-shown">{segment.key}</code>}
            actions={
              <div className="actions">
                <ExportButton segmentKey={segment.key} />
                {!editing && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setEditing(true);
                      setNotice(null);
                    }}
                    data-testid="segment-edit"
                  >
                    {t('segments.edit')}
                  </button>
                )}
                <DeleteButton segment={segment} onDeleted={() => navigate('/segments')} />
              </div>
            }
          />
          {notice && (
            <div className="notice notice--ok" role="status" data-testid="segment-notice">
              {notice}
            </div>
          )}
          {editing ? (
            <SegmentForm
              mode="update"
              initial={segment}
              onSaved={(s) => {
                setEditing(false);
                setNotice(t('segments.saved', { name: s.name }));
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <DefinitionCard segment={segment} timeZone={timeZone} />
          )}
          <SegmentHistoryCard segmentKey={segment.key} timeZone={timeZone} />
        </>
      )}
    </div>
  );
}
