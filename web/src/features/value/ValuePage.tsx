/**
 * Members value (会员价值): the latest scoring run — headline numbers and warnings, lifecycle and communication tiers
 * with their rules, tier flows, the RFM grid and rules, lifetime value with its models and forecast check.
 */
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useMemberValueQuery } from '../../hooks/useMemberValueQuery.ts';
import { useRunScoringMutation } from '../../hooks/useRunScoringMutation.ts';
import { ClvCard } from './ClvCard.tsx';
import { CommunicationTiersCard } from './CommunicationTiersCard.tsx';
import { HoldoutCard } from './HoldoutCard.tsx';
import { LifecycleTiersCard } from './LifecycleTiersCard.tsx';
import { ModelFitCard } from './ModelFitCard.tsx';
import { NoRunYet } from './NoRunYet.tsx';
import { RfmCard } from './RfmCard.tsx';
import { RfmRulesCard } from './RfmRulesCard.tsx';
import { RunButton } from './RunButton.tsx';
import { RunStats } from './RunStats.tsx';
import { RunStatus } from './RunStatus.tsx';
import { RunTime } from './RunTime.tsx';
import { RunWarnings } from './RunWarnings.tsx';
import { TierFlowsCard } from './TierFlowsCard.tsx';

export function ValuePage() {
  const { t } = useTranslation();
  const q = useMemberValueQuery();
  const run = useRunScoringMutation();
  const data = q.data;
  const report = data?.report ?? null;
  return (
    <div className="page" data-testid="value-page">
      <PageHeader
        title={t('value.title')}
        subtitle={t('value.subtitle')}
        actions={
          data &&
          report && (
            <>
              <RunTime report={report} timeZone={data.timeZone} />
              <RunButton run={run} />
            </>
          )
        }
      />
      <RunStatus run={run} />
      {q.isError && !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !data ? (
        <LoadingState rows={6} />
      ) : !report ? (
        <NoRunYet run={run} />
      ) : (
        <div className="page" data-testid="value-report">
          <RunStats report={report} />
          <RunWarnings warnings={report.warnings} />
          <div className="grid grid--halves">
            <LifecycleTiersCard report={report} rules={data.rules.lifecycle} />
            <CommunicationTiersCard report={report} rules={data.rules.communication} />
          </div>
          <TierFlowsCard timeZone={data.timeZone} />
          <div className="grid grid--halves">
            <RfmCard data={data} />
            <RfmRulesCard rules={data.rules.rfm} scoring={data.rules.rfmScoring} report={report} />
          </div>
          <div className="grid grid--halves">
            <ClvCard clv={data.clv} />
            <HoldoutCard holdout={report.holdout} />
          </div>
          <ModelFitCard report={report} />
        </div>
      )}
    </div>
  );
}
