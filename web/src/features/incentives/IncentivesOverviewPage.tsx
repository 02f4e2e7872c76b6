/**
 * Incentives overview (激励概览): the configuration in force (version, preset, headline numbers), the presets with an
 * install button that asks first, a replay button, the report of the last install or replay, and the versions.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../components/ui/PageHeader.tsx';
import { useWorkspace } from '../../hooks/useWorkspace.ts';
import { ConfigStats } from './ConfigStats.tsx';
import { ConfigSummaryCard } from './ConfigSummaryCard.tsx';
import type { ReplayReportBody } from './hooks/types.ts';
import { useCatalogueQuery } from './hooks/useCatalogueQuery.ts';
import { useConfigQuery } from './hooks/useConfigQuery.ts';
import { useInstallPresetMutation, useReplayMutation } from './hooks/useIncentiveMutations.ts';
import './incentives.css';
import { NoConfigYet } from './NoConfigYet.tsx';
import { PresetsCard } from './PresetsCard.tsx';
import { ReplayButton } from './ReplayButton.tsx';
import { ReplayReport } from './ReplayReport.tsx';
import { VersionsCard } from './VersionsCard.tsx';

export function IncentivesOverviewPage() {
  const { t } = useTranslation();
  const { timeZone } = useWorkspace();
  const catalogue = useCatalogueQuery();
  const config = useConfigQuery();
  const install = useInstallPresetMutation();
  const replay = useReplayMutation();
  const [last, setLast] = useState<{ title: string; report: ReplayReportBody } | null>(null);
  const cat = catalogue.data;
  const cfg = config.data;
  const preset = cfg && typeof cfg.config['preset'] === 'string' ? cfg.config['preset'] : null;
  const error = catalogue.error ?? config.error;

  return (
    <div className="page" data-testid="incentives-page">
      <PageHeader
        title={t('incentives.overview.title')}
        subtitle={t('incentives.overview.subtitle')}
        actions={
          cfg && (
            <ReplayButton replay={replay} onDone={(report) => setLast({ title: t('incentives.replay.done', { version: report.version }), report })} />
          )
        }
      />
      {replay.isPending && (
        <div className="notice" role="status" data-testid="inc-replay-progress">
          <span className="spinner" aria-hidden="true" />
          {t('incentives.replay.runningNotice')}
        </div>
      )}
      {replay.isError && <ErrorState error={replay.error} />}
      {install.isError && <ErrorState error={install.error} />}
      {last && !replay.isPending && !install.isPending && <ReplayReport title={last.title} report={last.report} />}
      {error && (!cat || cfg === undefined) ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void catalogue.refetch();
            void config.refetch();
          }}
        />
      ) : !cat || cfg === undefined ? (
        <LoadingState rows={6} />
      ) : (
        <>
          {cfg === null ? <NoConfigYet showLink={false} /> : <ConfigStats catalogue={cat} preset={preset} />}
          {cfg && <ConfigSummaryCard config={cfg} catalogue={cat} timeZone={timeZone} />}
          <div className="grid grid--halves">
            <PresetsCard
              catalogue={cat}
              current={preset}
              install={install}
              onInstalled={(name, r) => setLast({ title: t('incentives.presets.installed', { name, version: r.version }), report: r.replay })}
            />
            <VersionsCard timeZone={timeZone} />
          </div>
        </>
      )}
    </div>
  );
}
