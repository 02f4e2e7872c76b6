/** Members: search by name or any identity value; empty search lists recently active members. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { LoadMoreButton } from '../../components/ui/LoadMoreButton.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useMembersQuery } from '../../hooks/useMembersQuery.ts';
import { useWorkspace } from '../../hooks/useWorkspace.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { MemberTable } from './MemberTable.tsx';
import { SearchBox } from './SearchBox.tsx';

const QUERY_STORAGE = 'sheyun.memberQuery';

function initialQuery(): string {
  try {
    return sessionStorage.getItem(QUERY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function MembersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { timeZone } = useWorkspace();
  const [text, setText] = useState(initialQuery);
  const query = useDebouncedValue(text.trim(), 250);
  const result = useMembersQuery(query);
  const members = result.data?.pages.flatMap((p) => p.members) ?? [];

  const onChange = (v: string): void => {
    setText(v);
    try {
      sessionStorage.setItem(QUERY_STORAGE, v);
    } catch {
      // storage unavailable: the search is simply not remembered
    }
  };

  return (
    <div className="page" data-testid="members-page">
      <PageHeader title={t('members.title')} subtitle={t('members.subtitle')} />
      <Card>
        <div className="toolbar">
          <SearchBox
            value={text}
            onChange={onChange}
            placeholder={t('members.searchPlaceholder')}
            label={t('members.searchLabel')}
          />
          <span className="toolbar__hint">
            {query ? t('members.resultsHint', { query }) : t('members.recentHint')}
            {members.length > 0 && ` · ${t('members.shown', { n: f.number(members.length) })}`}
          </span>
        </div>
        {result.isError && !result.data ? (
          <ErrorState error={result.error} onRetry={() => void result.refetch()} />
        ) : !result.data ? (
          <LoadingState rows={8} />
        ) : members.length === 0 ? (
          <EmptyState>{query ? t('members.empty') : t('members.emptyAll')}</EmptyState>
        ) : (
          <div className={result.isPlaceholderData ? 'is-stale' : undefined}>
            <MemberTable members={members} timeZone={timeZone} />
            <LoadMoreButton
              hasMore={result.hasNextPage}
              loading={result.isFetchingNextPage}
              onClick={() => void result.fetchNextPage()}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
