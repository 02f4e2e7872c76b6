/**
 * Leaderboards (排行榜): all points or one rule category, over all time or the month, week or day containing a
 * chosen day (in the rule set's time zone, which is named), with dense ranks and ties explained.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { LoadMoreButton } from '../../components/ui/LoadMoreButton.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { SegmentedControl } from '../../components/ui/SegmentedControl.tsx';
import { todayIn } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { PERIOD_KINDS, type CatalogueBody, type PeriodKind } from './hooks/types.ts';
import { useCatalogueQuery } from './hooks/useCatalogueQuery.ts';
import { useLeaderboardQuery } from './hooks/useLeaderboardQuery.ts';
import './incentives.css';
import { LeaderboardTable } from './LeaderboardTable.tsx';
import { readRuleSet, ruleCategories } from './model/configView.ts';
import { parsePeriodKey } from './model/period.ts';
import { NoConfigYet } from './NoConfigYet.tsx';

/** "November 2026 (Nov 1 – Nov 30)", "the week Nov 23 – Nov 29", "Thu, Nov 26, 2026", "all time". */
function usePeriodText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (key: string): string => {
    const p = parsePeriodKey(key);
    switch (p.kind) {
      case 'all':
        return t('incentives.board.periodAll');
      case 'month': {
        const month = new Intl.DateTimeFormat(f.locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(new Date(`${p.from}T00:00:00Z`));
        return t('incentives.board.periodMonth', { month, from: f.day(p.from), to: f.day(p.to) });
      }
      case 'week':
        return t('incentives.board.periodWeek', { from: f.day(p.from), to: f.day(p.to) });
      case 'day':
        return f.day(p.day, true);
      case 'unknown':
        return p.key;
    }
  };
}

function Board({ catalogue }: { catalogue: CatalogueBody }) {
  const { t } = useTranslation();
  const periodText = usePeriodText();
  const zone = catalogue.timeZone;
  const categories = ruleCategories(readRuleSet(undefined, catalogue.rules).rules);
  const [board, setBoard] = useState('all');
  const [period, setPeriod] = useState<PeriodKind>('all');
  const [day, setDay] = useState(() => todayIn(zone));
  const q = useLeaderboardQuery({ board, period, day });
  const first = q.data?.pages[0];
  const rows = q.data?.pages.flatMap((p) => p.rows) ?? [];
  return (
    <Card
      testId="inc-board"
      title={t('incentives.board.title')}
      help={t('incentives.board.help', { tz: first?.timeZone ?? zone })}
      footer={t('incentives.board.footer', { tz: first?.timeZone ?? zone })}
    >
      <div className="toolbar inc-board__controls">
        <div className="inc-control">
          <span className="field__label">{t('incentives.board.board')}</span>
          <SegmentedControl
            label={t('incentives.board.board')}
            value={board}
            onChange={setBoard}
            testId="inc-board-switch"
            options={[{ value: 'all', label: t('incentives.board.boardAll') }, ...categories.map((c) => ({ value: `category:${c}`, label: t('incentives.board.boardCategory', { category: c }) }))]}
          />
        </div>
        <div className="inc-control">
          <span className="field__label">{t('incentives.board.period')}</span>
          <SegmentedControl
            label={t('incentives.board.period')}
            value={period}
            onChange={setPeriod}
            testId="inc-period-switch"
            options={PERIOD_KINDS.map((p) => ({ value: p, label: t(`incentives.board.periodKind.${p}`) }))}
          />
        </div>
        {period !== 'all' && (
          <label className="inc-control">
            <span className="field__label">{t('incentives.board.day')}</span>
            <input
              type="date"
              className="input inc-date"
              value={day}
              onChange={(e) => e.target.value && setDay(e.target.value)}
              aria-label={t('incentives.board.day')}
              data-testid="inc-board-day"
            />
          </label>
        )}
      </div>
      {first && (
        <p className={`inc-board__period${q.isPlaceholderData ? ' is-stale' : ''}`} data-testid="inc-board-period" data-period={first.period} data-board={first.board}>
          <strong>{periodText(first.period)}</strong>
          <span className="muted"> · {t('incentives.board.zone', { tz: first.timeZone })}</span>
        </p>
      )}
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={8} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('incentives.board.empty')}</EmptyState>
      ) : (
        <div className={q.isPlaceholderData ? 'is-stale' : undefined}>
          <LeaderboardTable rows={rows} board={first?.board ?? board} />
          {q.isFetchNextPageError && <ErrorState error={q.error} />}
          <LoadMoreButton hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
        </div>
      )}
      <p className="muted small inc-foot" data-testid="inc-board-ties">
        {t('incentives.board.tiesNote')}
      </p>
    </Card>
  );
}

export function LeaderboardsPage() {
  const { t } = useTranslation();
  const q = useCatalogueQuery();
  return (
    <div className="page" data-testid="incentive-leaderboards-page">
      <PageHeader title={t('incentives.board.pageTitle')} subtitle={t('incentives.board.pageSubtitle')} />
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={8} />
      ) : q.data.version === null ? (
        <NoConfigYet />
      ) : (
        <Board catalogue={q.data} />
      )}
    </div>
  );
}
