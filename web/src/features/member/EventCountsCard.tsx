/** How many events of each name this member did, largest first. */
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function EventCountsCard({ counts }: { counts: MemberProfile['eventsByName'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = [...counts].sort((a, b) => b.count - a.count);
  const max = rows[0]?.count ?? 0;
  return (
    <Card title={t('member.counters')} help={t('member.countersHelp')} testId="member-counters">
      {rows.length === 0 ? (
        <EmptyState>{t('member.noCounters')}</EmptyState>
      ) : (
        <ul className="counters">
          {rows.map((r) => (
            <li key={r.name} className="barcell">
              <span className="barcell__bar" style={{ width: `${max ? (r.count / max) * 100 : 0}%` }} />
              <code className="barcell__label">{r.name}</code>
              <span className="barcell__value">{f.number(r.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
