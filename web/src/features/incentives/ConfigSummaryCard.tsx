/** The configuration in force: version, preset it started from, when it was saved and why, and the rule set's time zone. */
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/ui/Card.tsx';
import { Fact } from '../../components/ui/Fact.tsx';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import type { CatalogueBody, ConfigVersionBody } from './hooks/types.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

export function ConfigSummaryCard({ config, catalogue, timeZone }: { config: ConfigVersionBody; catalogue: CatalogueBody; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const words = useIncentiveWords();
  const preset = typeof config.config['preset'] === 'string' ? config.config['preset'] : null;
  const presetInfo = catalogue.presets.find((p) => p.id === preset);
  return (
    <Card testId="inc-config-summary" title={t('incentives.overview.configTitle')} help={t('incentives.overview.configHelp')}>
      <div className="facts">
        <Fact testId="inc-config-version" label={t('incentives.overview.version')} help={t('incentives.overview.versionHelp')} value={t('incentives.versionN', { version: config.version })} align="start" />
        <Fact
          testId="inc-config-preset"
          label={t('incentives.overview.preset')}
          help={t('incentives.overview.presetHelp')}
          value={presetInfo ? words.name(presetInfo.name, presetInfo.id) : preset ?? t('incentives.overview.custom')}
        />
        <Fact label={t('incentives.overview.savedAt')} help={t('common.timesIn', { tz: timeZone })} value={f.dateTime(isoFromMicros(config.createdAt), timeZone) ?? '–'} />
        <Fact label={t('incentives.overview.note')} help={t('incentives.overview.noteHelp')} value={config.note ?? t('common.none')} />
        <Fact testId="inc-config-tz" label={t('incentives.overview.dayZone')} help={t('incentives.overview.dayZoneHelp')} value={catalogue.timeZone} align="end" />
      </div>
    </Card>
  );
}
