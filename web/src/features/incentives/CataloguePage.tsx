/** Badges & levels (徽章与等级): the badges with holder counts (a chosen badge's recent holders beside) and the level ladder. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { BadgeHoldersCard } from './BadgeHoldersCard.tsx';
import { BadgesCard } from './BadgesCard.tsx';
import { useCatalogueQuery } from './hooks/useCatalogueQuery.ts';
import './incentives.css';
import { LevelsCard } from './LevelsCard.tsx';
import { NoConfigYet } from './NoConfigYet.tsx';

export function CataloguePage() {
  const { t } = useTranslation();
  const q = useCatalogueQuery();
  const [badge, setBadge] = useState<string | null>(null);
  const cat = q.data;
  return (
    <div className="page" data-testid="incentive-catalogue-page">
      <PageHeader title={t('incentives.catalogue.title')} subtitle={t('incentives.catalogue.subtitle')} />
      {q.isError && !cat ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !cat ? (
        <LoadingState rows={8} />
      ) : cat.version === null ? (
        <NoConfigYet />
      ) : (
        <>
          <div className="grid inc-grid--badges">
            <BadgesCard catalogue={cat} selected={badge} onSelect={setBadge} />
            <div className="inc-sticky">
              <BadgeHoldersCard catalogue={cat} badge={badge} />
            </div>
          </div>
          <LevelsCard catalogue={cat} />
        </>
      )}
    </div>
  );
}
