/** Every saved configuration version, newest first, with its note; the one in force is marked. */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useConfigVersionsQuery } from './hooks/useConfigQuery.ts';

export function VersionsCard({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useConfigVersionsQuery();
  const versions = q.data?.versions ?? [];
  return (
    <Card testId="inc-versions" title={t('incentives.versions.title')} help={t('incentives.versions.help')} footer={t('common.timesIn', { tz: timeZone })}>
      {q.isError && !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <LoadingState rows={3} />
      ) : versions.length === 0 ? (
        <EmptyState>{t('incentives.versions.empty')}</EmptyState>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>{t('incentives.versions.colVersion')}</th>
              <th>{t('incentives.versions.colNote')}</th>
              <th className="num">{t('incentives.versions.colSaved')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v, i) => (
              <tr key={v.version} data-testid="inc-version-row" data-version={v.version}>
                <td className="nowrap">
                  {t('incentives.versionN', { version: v.version })} {i === 0 && <span className="badge badge--ok">{t('incentives.versions.inForce')}</span>}
                </td>
                <td>{v.note ?? <span className="muted">{t('common.none')}</span>}</td>
                <td className="num muted">{f.dateTime(isoFromMicros(v.createdAt), timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
