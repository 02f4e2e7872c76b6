/**
 * The measures behind the densities: each member's rank among all members (0–1, shown as a percentage) with the
 * raw number behind it. `null` means not measured — the emotional bond until sentiment analysis — never 0.
 */
import { useTranslation } from 'react-i18next';
import type { MemberScoresBody } from '../../../../src/api/schemas/index.ts';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

const GROUPS = [
  { density: 'relationship', components: ['interaction', 'content', 'bond'] },
  { density: 'value', components: ['ltv', 'arpu', 'breadth'] },
  { density: 'potential', components: ['trend', 'predicted'] },
] as const;

type ComponentKey = (typeof GROUPS)[number]['components'][number];

export function ScoreComponents({ scores }: { scores: MemberScoresBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = scores.components;
  const raw = (k: ComponentKey): string | null => {
    const n = (key: string) => c[key] ?? null;
    const num = (v: number | null, digits = 0) => (v === null ? null : f.decimal(v, digits));
    switch (k) {
      case 'interaction':
        return n('interactions') === null ? null : t('threeDegree.raw.interaction', { n: num(n('interactions')) });
      case 'content':
        return n('contributions') === null ? null : t('threeDegree.raw.content', { n: num(n('contributions')) });
      case 'ltv':
        return scores.clv.value === null ? null : t('threeDegree.raw.ltv', { value: f.money(scores.clv.value) });
      case 'arpu':
        return n('revenue') === null ? null : t('threeDegree.raw.arpu', { value: f.money(n('revenue') ?? 0) });
      case 'breadth':
        return n('categories') === null ? null : t('threeDegree.raw.breadth', { n: num(n('categories')) });
      case 'trend':
        return n('weeklySlope') === null ? null : t('threeDegree.raw.trend', { n: num(n('weeklySlope'), 2) });
      case 'predicted':
        return n('predictedActivity') === null ? null : t('threeDegree.raw.predicted', { n: num(n('predictedActivity'), 1) });
      case 'bond':
        return null;
    }
  };
  return (
    <div className="score-components" data-testid="score-components">
      <div className="subhead">
        {t('threeDegree.componentsTitle')}
        <HelpTip text={t('threeDegree.componentsHelp')} align="end" />
      </div>
      {GROUPS.map((g) => (
        <div key={g.density} className="score-components__group">
          <div className="score-components__density">{t(`threeDegree.${g.density}`)}</div>
          <ul className="counters">
            {g.components.map((k) => {
              const rank = c[k] ?? null;
              const detail = raw(k);
              return (
                <li key={k} className="barcell" data-testid={`component-${k}`}>
                  {rank !== null && <span className="barcell__bar" style={{ width: `${rank * 100}%` }} />}
                  <span className="barcell__label">
                    {t(`threeDegree.component.${k}`)}
                    {detail && <span className="muted small"> · {detail}</span>}
                  </span>
                  <span className={`barcell__value${rank === null ? ' muted small' : ''}`} data-testid={`component-${k}-value`}>
                    {rank !== null
                      ? f.percent(rank)
                      : k === 'bond'
                        ? t('threeDegree.bondNotMeasured')
                        : t('threeDegree.notMeasured')}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}
