/** Events grouped by name: a table with the count, the share of all events and an inline bar. */
import { useTranslation } from 'react-i18next';
import type { Overview } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

const TOP = 12;

export function EventsByNameCard({ data }: { data: Overview | undefined }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = data ? [...data.eventsByName].sort((a, b) => b.count - a.count) : [];
  const total = rows.reduce((s, r) => s + r.count, 0);
  const max = rows[0]?.count ?? 0;
  const shown = rows.slice(0, TOP);
  return (
    <Card
      testId="events-by-name"
      title={t('overview.byNameTitle')}
      help={t('overview.byNameHelp')}
      footer={rows.length > TOP ? t('overview.moreNames', { n: f.number(rows.length - TOP) }) : undefined}
    >
      {!data ? (
        <LoadingState rows={6} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('overview.noEvents')}</EmptyState>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>{t('overview.colEvent')}</th>
              <th className="num">{t('overview.colCount')}</th>
              <th className="num">{t('overview.colShare')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.name}>
                <td>
                  <div className="barcell">
                    <span className="barcell__bar" style={{ width: `${max ? (r.count / max) * 100 : 0}%` }} />
                    <code className="barcell__label">{r.name}</code>
                  </div>
                </td>
                <td className="num">{f.number(r.count)}</td>
                <td className="num muted">{total ? f.percent(r.count / total) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
