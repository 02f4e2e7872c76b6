/** What the last "Run scoring now" click did: still running, done (members and seconds), or the error. */
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { RunMutation } from './RunButton.tsx';

export function RunStatus({ run }: { run: RunMutation }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (run.isPending) {
    return (
      <div className="notice" role="status" data-testid="run-progress">
        <span className="spinner" aria-hidden="true" />
        {t('value.runningNotice')}
      </div>
    );
  }
  if (run.isError) return <ErrorState error={run.error} onRetry={() => run.mutate()} />;
  if (run.isSuccess) {
    const seconds = Object.values(run.data.seconds).reduce((s, v) => s + v, 0);
    return (
      <div className="notice notice--ok" role="status" data-testid="run-done">
        {t('value.runDone', { n: f.number(run.data.members), seconds: f.decimal(seconds, 2) })}
      </div>
    );
  }
  return null;
}
