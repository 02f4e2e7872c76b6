/** "Scored <time> · Run #n" in the workspace time zone, with what the time means. */
import { useTranslation } from 'react-i18next';
import type { ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { isoFromMicros } from '../../i18n/format.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function RunTime({ report, timeZone }: { report: ScoringReportBody; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const time = f.dateTime(isoFromMicros(report.asOf), timeZone) ?? '–';
  return (
    <span className="live" data-testid="value-run-at">
      {t('value.runAt', { time })} · {t('value.runNumber', { id: report.runId })}
      <HelpTip text={t('value.runAtHelp', { tz: timeZone })} align="end" />
    </span>
  );
}
