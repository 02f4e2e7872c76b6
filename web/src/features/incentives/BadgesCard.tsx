/**
 * The badges in force as tiles: class colour (bronze, silver, gold), name, what earns it in words, and how many
 * members hold it and how often it was awarded. Choosing a tile shows its recent holders.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { SegmentedControl } from '../../components/ui/SegmentedControl.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { ClassTag } from './BadgeMedal.tsx';
import type { CatalogueBody } from './hooks/types.ts';
import { readBadge, type BadgeClass } from './model/configView.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

type Filter = 'all' | BadgeClass;

export function BadgesCard({ catalogue, selected, onSelect }: { catalogue: CatalogueBody; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const [filter, setFilter] = useState<Filter>('all');
  const badges = catalogue.badges.map((b) => ({ view: readBadge(b.definition), awards: b.awards, members: b.members }));
  const shown = badges.filter((b) => filter === 'all' || b.view.badgeClass === filter);
  return (
    <Card
      testId="inc-badges"
      title={t('incentives.badges.title')}
      help={t('incentives.badges.help')}
      actions={
        <SegmentedControl<Filter>
          label={t('incentives.badges.filter')}
          value={filter}
          onChange={setFilter}
          testId="inc-badge-filter"
          options={[
            { value: 'all', label: t('incentives.badges.all', { n: badges.length }) },
            { value: 'gold', label: t('incentives.badgeClass.gold') },
            { value: 'silver', label: t('incentives.badgeClass.silver') },
            { value: 'bronze', label: t('incentives.badgeClass.bronze') },
          ]}
        />
      }
    >
      {badges.length === 0 ? (
        <EmptyState>{t('incentives.badges.none')}</EmptyState>
      ) : (
        <div className="inc-badge-grid">
          {shown.map(({ view: b, awards, members }) => {
            const multiple = words.multiple(b);
            return (
              <button
                key={b.id}
                type="button"
                className={`inc-badge inc-badge--${b.badgeClass ?? 'unknown'}${selected === b.id ? ' is-selected' : ''}`}
                aria-pressed={selected === b.id}
                onClick={() => onSelect(b.id)}
                data-testid="inc-badge"
                data-badge={b.id}
                data-class={b.badgeClass ?? ''}
              >
                <span className="inc-badge__head">
                  <span className="inc-badge__medal" aria-hidden="true" />
                  <span className="inc-badge__name">{words.name(b.name, b.id)}</span>
                  <ClassTag badgeClass={b.badgeClass} />
                </span>
                <span className="inc-badge__desc">{words.name(b.description, '')}</span>
                <span className="inc-badge__rule muted small">
                  {words.criterion(b)}
                  {multiple && ` · ${multiple}`}
                </span>
                <span className="inc-badge__counts">
                  <span>
                    {t('incentives.badges.members')} <strong data-testid="inc-badge-members">{f.number(members)}</strong>
                  </span>
                  <span className="muted">
                    {t('incentives.badges.awards')} <span data-testid="inc-badge-awards">{f.number(awards)}</span>
                  </span>
                  {b.category && <code className="tag">{b.category}</code>}
                </span>
              </button>
            );
          })}
        </div>
      )}
      <p className="muted small inc-foot">
        <span className="th-help">
          {t('incentives.badges.countsNote')}
          <HelpTip text={t('incentives.badges.countsHelp')} align="start" />
        </span>
      </p>
    </Card>
  );
}
