/** The configuration's headline numbers: its version, rules, badges awarded and members with a level, each explained. */
import { useTranslation } from 'react-i18next';
import { StatCard } from '../../components/ui/StatCard.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { CatalogueBody } from './hooks/types.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

export function ConfigStats({ catalogue, preset }: { catalogue: CatalogueBody; preset: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const presetInfo = catalogue.presets.find((p) => p.id === preset);
  const awards = catalogue.badges.reduce((s, b) => s + b.awards, 0);
  const levelled = catalogue.levels.reduce((s, l) => s + l.members, 0);
  return (
    <div className="stats">
      <StatCard
        testId="inc-stat-version"
        label={t('incentives.overview.version')}
        value={catalogue.version === null ? '–' : t('incentives.versionN', { version: catalogue.version })}
        help={t('incentives.overview.versionHelp')}
        caption={presetInfo ? t('incentives.overview.fromPreset', { name: words.name(presetInfo.name, presetInfo.id) }) : t('incentives.overview.custom')}
      />
      <StatCard
        testId="inc-stat-rules"
        label={t('incentives.overview.rules')}
        value={f.number(catalogue.rules.length)}
        help={t('incentives.overview.rulesHelp')}
        caption={t('incentives.overview.rulesCaption', { tz: catalogue.timeZone })}
      />
      <StatCard
        testId="inc-stat-awards"
        label={t('incentives.overview.awards')}
        value={f.number(awards)}
        help={t('incentives.overview.awardsHelp')}
        caption={t('incentives.overview.awardsCaption', { n: f.number(catalogue.badges.length) })}
      />
      <StatCard
        testId="inc-stat-levelled"
        label={t('incentives.overview.levelled')}
        value={f.number(levelled)}
        help={t('incentives.overview.levelledHelp')}
        caption={t('incentives.overview.levelledCaption', { n: f.number(catalogue.levels.length) })}
      />
    </div>
  );
}
