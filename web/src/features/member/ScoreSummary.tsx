/** The three density numbers, the tier badges (lifecycle, communication, RFM segment and code), CLV and P(alive). */
import { useTranslation } from 'react-i18next';
import type { MemberScoresBody } from '../../../../src/api/schemas/index.ts';
import { Fact } from '../../components/ui/Fact.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { tierColor, useTierLabels, type TierFamily } from '../value/tiers.ts';

function TierBadge({ family, tier, testId }: { family: TierFamily; tier: string; testId: string }) {
  const labels = useTierLabels();
  const color = tierColor(family, tier);
  return (
    <span className="badge badge--tier" style={{ borderColor: color, color }} data-testid={testId} data-tier={tier}>
      <span className="dot" style={{ background: color }} aria-hidden="true" />
      {labels.tier(family, tier)}
    </span>
  );
}

export function ScoreSummary({ scores }: { scores: MemberScoresBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useTierLabels();
  const nc = t('threeDegree.notComputed');
  const density = (v: number | null) => (v === null ? nc : f.decimal(v, 1));
  const d = scores.densities;
  const rfm = scores.rfm;
  return (
    <div className="score-summary">
      <div className="facts facts--densities">
        <Fact testId="density-relationship" label={t('threeDegree.relationship')} value={density(d.relationship)} help={t('threeDegree.relationshipHelp')} align="start" />
        <Fact testId="density-value" label={t('threeDegree.value')} value={density(d.value)} help={t('threeDegree.valueHelp')} />
        <Fact testId="density-potential" label={t('threeDegree.potential')} value={density(d.potential)} help={t('threeDegree.potentialHelp')} align="end" />
      </div>
      <div className="facts facts--stacked">
        <Fact
          label={t('threeDegree.lifecycle')}
          help={t('threeDegree.lifecycleHelp')}
          align="start"
          value={scores.lifecycleTier ? <TierBadge family="lifecycle" tier={scores.lifecycleTier} testId="badge-lifecycle" /> : nc}
        />
        <Fact
          label={t('threeDegree.communication')}
          help={t('threeDegree.communicationHelp')}
          align="start"
          value={
            scores.communicationTier ? <TierBadge family="communication" tier={scores.communicationTier} testId="badge-communication" /> : nc
          }
        />
        <Fact
          label={t('threeDegree.rfm')}
          help={t('threeDegree.rfmHelp')}
          align="start"
          value={
            rfm.segment ? (
              <span className="badge badge--info" data-testid="badge-rfm">
                {labels.rfm(rfm.segment)}
                {rfm.code && <code className="badge__code">{rfm.code}</code>}
              </span>
            ) : (
              <span className="muted">{t('threeDegree.noRfm')}</span>
            )
          }
        />
        <Fact
          testId="member-clv"
          label={t('threeDegree.clvValue')}
          help={t('threeDegree.clvValueHelp')}
          align="start"
          value={scores.clv.value === null ? nc : t('value.yuan', { value: f.money(scores.clv.value) })}
        />
        <Fact
          testId="member-p-alive"
          label={t('threeDegree.pAlive')}
          help={t('threeDegree.pAliveHelp')}
          align="start"
          value={scores.clv.pAlive === null ? nc : f.percent(scores.clv.pAlive)}
        />
      </div>
    </div>
  );
}
