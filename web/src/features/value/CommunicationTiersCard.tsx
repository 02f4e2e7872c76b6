/** Communication tier sizes with the percentile cuts, the score members are ranked by and where each tier starts. */
import { useTranslation } from 'react-i18next';
import type { MemberValueBody, ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { COMMUNICATION_TIERS, useTierLabels } from './tiers.ts';
import { TierTable, type TierRow } from './TierTable.tsx';

type CommunicationRules = MemberValueBody['rules']['communication'];

export function CommunicationTiersCard({ report, rules }: { report: ScoringReportBody; rules: CommunicationRules }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useTierLabels();
  const cut = report.communicationCutoffs;
  const score = (v: number | null): string => (v === null ? '–' : cut.score === 'clv' ? f.money(v) : f.decimal(v, 2));
  const detail: Record<string, [string, string]> = {
    core: [t('value.cutCore', { pct: f.decimal(rules.corePercent, 1) }), `≥ ${score(cut.core)}`],
    potential: [t('value.cutPotential', { pct: f.decimal(rules.potentialPercent, 1) }), `≥ ${score(cut.potential)}`],
    mass: [t('value.cutMass'), t('value.below', { value: score(cut.potential ?? cut.core) })],
  };
  const sizes = report.sizes.communication;
  const known: readonly string[] = COMMUNICATION_TIERS;
  const keys = [...known, ...Object.keys(sizes).filter((k) => !known.includes(k))];
  const rows: TierRow[] = keys.map((key) => ({ key, members: sizes[key] ?? 0, cells: detail[key] ?? ['–', '–'] }));
  return (
    <Card
      testId="communication-card"
      title={t('value.communicationTitle')}
      help={t('value.communicationHelp', { core: f.decimal(rules.corePercent, 1), potential: f.decimal(rules.potentialPercent, 1) })}
    >
      <div className="value-score" data-testid="communication-score">
        {t('value.scoreUsed', { score: labels.score(cut.score) })}
        <HelpTip text={t('value.scoreUsedHelp')} align="end" />
      </div>
      <TierTable
        family="communication"
        columns={[
          { label: t('value.colCut'), help: t('value.colCutHelp') },
          { label: t('value.colStartsAt'), help: t('value.colStartsAtHelp') },
        ]}
        rows={rows}
        total={report.members}
        testId="communication-tiers"
      />
    </Card>
  );
}
