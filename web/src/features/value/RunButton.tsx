/** "Run scoring now": starts a scoring run; disabled and relabelled while it runs. */
import { useTranslation } from 'react-i18next';
import type { useRunScoringMutation } from '../../hooks/useRunScoringMutation.ts';

export type RunMutation = ReturnType<typeof useRunScoringMutation>;

export function RunButton({ run, primary = false }: { run: RunMutation; primary?: boolean }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`button${primary ? ' button--primary' : ''}`}
      disabled={run.isPending}
      aria-busy={run.isPending}
      onClick={() => run.mutate()}
      data-testid="run-scoring"
    >
      {run.isPending && <span className="spinner" aria-hidden="true" />}
      {run.isPending ? t('value.running') : t('value.runNow')}
    </button>
  );
}
