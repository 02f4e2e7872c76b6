/** A badge as a small medal in its class colour (bronze, silver, gold) with its name in the UI language. */
import { useTranslation } from 'react-i18next';
import type { BadgeClass, BadgeView } from './model/configView.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

export function BadgeMedal({ badge, id, count, testId }: { badge: BadgeView | undefined; id: string; count?: number; testId?: string }) {
  const { t } = useTranslation();
  const words = useIncentiveWords();
  const cls: BadgeClass | 'unknown' = badge?.badgeClass ?? 'unknown';
  const title = badge ? `${words.name(badge.description, '')}${badge.badgeClass ? ` · ${t(`incentives.badgeClass.${badge.badgeClass}`)}` : ''}` : t('incentives.member.badgeGone');
  return (
    <span className={`inc-medal inc-medal--${cls}`} title={title} data-testid={testId} data-badge={id} data-class={cls}>
      <span className="inc-medal__dot" aria-hidden="true" />
      {badge ? words.name(badge.name, id) : id}
      {count !== undefined && count > 1 && <span className="inc-medal__count">×{count}</span>}
    </span>
  );
}

export function ClassTag({ badgeClass }: { badgeClass: BadgeClass | null }) {
  const { t } = useTranslation();
  if (!badgeClass) return null;
  return <span className={`inc-class inc-class--${badgeClass}`}>{t(`incentives.badgeClass.${badgeClass}`)}</span>;
}
