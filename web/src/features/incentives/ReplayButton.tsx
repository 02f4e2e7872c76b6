/** "Replay": recomputes ledger, badges, levels and leaderboards from every event under the configuration in force. */
import { useTranslation } from 'react-i18next';
import type { ReplayReportBody } from './hooks/types.ts';
import type { useReplayMutation } from './hooks/useIncentiveMutations.ts';

export type ReplayMutation = ReturnType<typeof useReplayMutation>;

export function ReplayButton(props: { replay: ReplayMutation; onDone?: (report: ReplayReportBody) => void; disabled?: boolean; primary?: boolean }) {
  const { replay, onDone, disabled = false, primary = false } = props;
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`button${primary ? ' button--primary' : ''}`}
      disabled={disabled || replay.isPending}
      aria-busy={replay.isPending}
      onClick={() => replay.mutate(undefined, onDone ? { onSuccess: onDone } : {})}
      title={t('incentives.replay.buttonHelp')}
      data-testid="inc-replay"
    >
      {replay.isPending && <span className="spinner" aria-hidden="true" />}
      {replay.isPending ? t('incentives.replay.running') : t('incentives.replay.button')}
    </button>
  );
}
