/** Payout report (收益分成): split a revenue pool among members by their points of a period, and export it for finance. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import type { PayoutRequest } from './hooks/types.ts';
import { useCatalogueQuery } from './hooks/useCatalogueQuery.ts';
import { usePayoutReportMutation } from './hooks/usePayoutMutations.ts';
import './incentives.css';
import { readRuleSet, ruleCategories } from './model/configView.ts';
import { NoConfigYet } from './NoConfigYet.tsx';
import { PayoutForm } from './PayoutForm.tsx';
import { PayoutResult } from './PayoutResult.tsx';

export function PayoutsPage() {
  const { t } = useTranslation();
  const q = useCatalogueQuery();
  const report = usePayoutReportMutation();
  const [asked, setAsked] = useState<PayoutRequest | null>(null);
  const cat = q.data;
  return (
    <div className="page" data-testid="incentive-payouts-page">
      <PageHeader title={t('incentives.payout.pageTitle')} subtitle={t('incentives.payout.pageSubtitle')} />
      {q.isError && !cat ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !cat ? (
        <LoadingState rows={6} />
      ) : cat.version === null ? (
        <NoConfigYet />
      ) : (
        <>
          <PayoutForm
            categories={ruleCategories(readRuleSet(undefined, cat.rules).rules)}
            timeZone={cat.timeZone}
            pending={report.isPending}
            error={report.error}
            onSubmit={(r) => report.mutate(r, { onSuccess: () => setAsked(r) })}
          />
          {report.isSuccess && asked && <PayoutResult report={report.data} request={asked} />}
        </>
      )}
    </div>
  );
}
