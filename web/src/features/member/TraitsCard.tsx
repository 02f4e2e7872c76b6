/** The member's traits as a key/value list (objects shown as compact JSON). */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';

function show(v: unknown): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function TraitsCard({ traits }: { traits: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(traits).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Card title={t('member.traits')} help={t('member.traitsHelp')} testId="member-traits">
      {entries.length === 0 ? (
        <EmptyState>{t('member.noTraits')}</EmptyState>
      ) : (
        <dl className="kv">
          {entries.map(([k, v]) => (
            <div key={k} className="kv__row">
              <dt>{k}</dt>
              <dd title={show(v)}>{show(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
