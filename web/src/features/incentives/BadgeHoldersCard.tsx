/** The most recent holders of the chosen badge: who, on which day (rule set zone), and for what (multiple-grant badges). */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { BadgeMedal } from './BadgeMedal.tsx';
import type { CatalogueBody } from './hooks/types.ts';
import { HOLDERS_LIMIT, useBadgeHoldersQuery } from './hooks/useBadgeHoldersQuery.ts';
import { MemberCell } from './MemberCell.tsx';
import { readBadge } from './model/configView.ts';

export function BadgeHoldersCard({ catalogue, badge }: { catalogue: CatalogueBody; badge: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useBadgeHoldersQuery(badge);
  const entry = catalogue.badges.find((b) => b.definition['id'] === badge);
  const view = entry ? readBadge(entry.definition) : undefined;
  return (
    <Card testId="inc-holders" title={t('incentives.holders.title')} help={t('incentives.holders.help', { limit: HOLDERS_LIMIT, tz: catalogue.timeZone })}>
      {badge === null ? (
        <EmptyState>{t('incentives.holders.choose')}</EmptyState>
      ) : (
        <>
          <div className="inc-holders__head" data-testid="inc-holders-badge" data-badge={badge}>
            <BadgeMedal badge={view} id={badge} />
            {entry && (
              <span className="muted small">
                {t('incentives.holders.summary', { members: f.number(entry.members), awards: f.number(entry.awards) })}
              </span>
            )}
          </div>
          {q.isError && !q.data ? (
            <ErrorState error={q.error} onRetry={() => void q.refetch()} />
          ) : !q.data ? (
            <LoadingState rows={4} />
          ) : q.data.holders.length === 0 ? (
            <EmptyState>{t('incentives.holders.none')}</EmptyState>
          ) : (
            <table className="table table--compact">
              <thead>
                <tr>
                  <th>{t('incentives.holders.colMember')}</th>
                  <th className="num">{t('incentives.holders.colDay')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.holders.map((h, i) => (
                  <tr key={`${h.member}|${h.subject ?? ''}|${i}`} data-testid="inc-holder" data-member={h.member}>
                    <td>
                      <MemberCell member={h.member} label={h.label} />
                      {h.subject && <div className="muted small">{t('incentives.holders.subject', { subject: h.subject })}</div>}
                    </td>
                    <td className="num muted">{f.day(h.day, true)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}
