/**
 * The member page's incentives card: balance, level with its privileges, rank on the all-time board, badges, and
 * the points ledger with the rule behind each entry and why an entry was capped.
 */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { Fact } from '../../components/ui/Fact.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { LoadMoreButton } from '../../components/ui/LoadMoreButton.tsx';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { BadgeMedal } from './BadgeMedal.tsx';
import type { CatalogueBody, ConfigVersionBody, MemberIncentivesBody } from './hooks/types.ts';
import { useCatalogueQuery } from './hooks/useCatalogueQuery.ts';
import { useConfigQuery } from './hooks/useConfigQuery.ts';
import { useMemberIncentivesQuery, useMemberLedgerQuery } from './hooks/useMemberIncentivesQuery.ts';
import './incentives.css';
import { LedgerTable } from './LedgerTable.tsx';
import { readBadge, readLevel, readRuleSet } from './model/configView.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

function Summary({ m, catalogue, timeZone }: { m: MemberIncentivesBody; catalogue: CatalogueBody; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const levelDef = catalogue.levels.map((l) => readLevel(l.definition)).find((l) => l.id === m.level.id);
  const badges = new Map(catalogue.badges.map((b) => [String(b.definition['id']), readBadge(b.definition)]));
  const counts = new Map<string, number>();
  for (const b of m.badges) counts.set(b.badgeId, (counts.get(b.badgeId) ?? 0) + 1);
  return (
    <>
      <div className="facts">
        <Fact testId="inc-member-points" label={t('incentives.member.points')} help={t('incentives.member.pointsHelp')} value={f.number(m.points)} align="start" />
        <Fact
          testId="inc-member-level"
          label={t('incentives.member.level')}
          help={t('incentives.member.levelHelp')}
          value={
            m.level.id ? (
              <span data-level={m.level.id}>
                {words.levelName(levelDef, m.level.id)}
                {m.level.since !== null && <span className="muted small"> · {t('incentives.member.since', { time: f.dateTime(isoFromMicros(m.level.since), timeZone) })}</span>}
              </span>
            ) : (
              t('incentives.member.noLevel')
            )
          }
        />
        <Fact
          testId="inc-member-rank"
          label={t('incentives.member.rank')}
          help={t('incentives.member.rankHelp')}
          value={m.rank ? t('incentives.member.rankOf', { rank: f.number(m.rank.rank), members: f.number(m.rank.members) }) : t('incentives.member.unranked')}
        />
        <Fact testId="inc-member-badge-count" label={t('incentives.member.badges')} help={t('incentives.member.badgesHelp')} value={f.number(m.badges.length)} align="end" />
      </div>
      <div className="inc-member-row">
        <span className="subhead">{t('incentives.member.privileges')}</span>
        {m.level.privileges.length === 0 ? (
          <span className="muted small">{t('incentives.member.noPrivileges')}</span>
        ) : (
          <span className="tags" data-testid="inc-member-privileges">
            {m.level.privileges.map((p) => (
              <code key={p} className="tag">
                {p}
              </code>
            ))}
          </span>
        )}
      </div>
      <div className="inc-member-row">
        <span className="subhead">{t('incentives.member.badgeList')}</span>
        {counts.size === 0 ? (
          <span className="muted small">{t('incentives.member.noBadges')}</span>
        ) : (
          <span className="tags">
            {[...counts].map(([id, n]) => (
              <BadgeMedal key={id} badge={badges.get(id)} id={id} count={n} testId="inc-member-badge" />
            ))}
          </span>
        )}
      </div>
    </>
  );
}

function Ledger({ memberId, config, timeZone }: { memberId: string; config: ConfigVersionBody | null | undefined; timeZone: string }) {
  const { t } = useTranslation();
  const q = useMemberLedgerQuery(memberId);
  const entries = q.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = config ? readRuleSet(config.config['points']) : null;
  return (
    <div className="inc-member-ledger">
      <div className="subhead">{t('incentives.ledger.title')}</div>
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={4} />
      ) : entries.length === 0 ? (
        <EmptyState>{t('incentives.ledger.empty')}</EmptyState>
      ) : (
        <>
          <LedgerTable entries={entries} set={set} timeZone={timeZone} />
          {q.isFetchNextPageError && <ErrorState error={q.error} />}
          <LoadMoreButton hasMore={q.hasNextPage} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()} />
        </>
      )}
    </div>
  );
}

export function MemberIncentivesCard({ memberId, timeZone }: { memberId: string; timeZone: string }) {
  const { t } = useTranslation();
  const catalogue = useCatalogueQuery();
  const config = useConfigQuery();
  const q = useMemberIncentivesQuery(memberId);
  const cat = catalogue.data;
  const error = q.error ?? catalogue.error;
  return (
    <Card
      testId="inc-member-card"
      title={t('incentives.member.title')}
      help={t('incentives.member.help')}
      actions={
        <Link href="/incentives/rules" className="button button--small button--ghost">
          {t('incentives.member.rulesLink')}
        </Link>
      }
    >
      {cat?.version === null ? (
        <EmptyState>
          {t('incentives.member.noConfig')} <Link href="/incentives">{t('incentives.goToPresets')}</Link>
        </EmptyState>
      ) : error && (!q.data || !cat) ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void q.refetch();
            void catalogue.refetch();
          }}
        />
      ) : !q.data || !cat ? (
        <LoadingState rows={4} />
      ) : (
        <>
          <Summary m={q.data} catalogue={cat} timeZone={timeZone} />
          <Ledger memberId={memberId} config={config.data} timeZone={timeZone} />
        </>
      )}
    </Card>
  );
}
