/** The RFM segment rules as applied: score ranges, members now, and what the segment means (localised). */
import { useTranslation } from 'react-i18next';
import type { MemberValueBody, ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useTierLabels } from './tiers.ts';

type Rules = MemberValueBody['rules']['rfm'];
type Scoring = MemberValueBody['rules']['rfmScoring'];

export function RfmRulesCard({ rules, scoring, report }: { rules: Rules; scoring: Scoring; report: ScoringReportBody }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const labels = useTierLabels();
  const zh = currentLanguage(i18n.language) === 'zh-CN';
  const range = ([lo, hi]: readonly [number, number]) => (lo === hi ? String(lo) : `${lo}–${hi}`);
  const method = (cuts: number[] | null) => (cuts ? t('value.rfmByCuts', { cuts: cuts.map((c) => f.number(c)).join(', ') }) : t('value.rfmByQuintiles'));
  return (
    <Card testId="rfm-rules" title={t('value.rfmRulesTitle')} help={t('value.rfmRulesHelp')}>
      <table className="table table--compact">
        <thead>
          <tr>
            <th>{t('value.colSegment')}</th>
            <th className="num">
              <span className="th-help">
                {t('value.colR')}
                <HelpTip text={t('value.colRHelp')} />
              </span>
            </th>
            <th className="num">
              <span className="th-help">
                {t('value.colF')}
                <HelpTip text={t('value.colFHelp')} />
              </span>
            </th>
            <th className="num">
              <span className="th-help">
                {t('value.colMembers')}
                <HelpTip text={t('value.colSegmentMembersHelp')} />
              </span>
            </th>
            <th>{t('value.colWhy')}</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.segment} data-testid="rfm-rule" data-segment={r.segment}>
              <td className="nowrap">{labels.rfm(r.segment)}</td>
              <td className="num">{range(r.r)}</td>
              <td className="num">{range(r.f)}</td>
              <td className="num">{f.number(report.sizes.rfm[r.segment] ?? 0)}</td>
              <td className="muted">{zh ? r.why.zh : r.why.en}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small" data-testid="rfm-scoring">
        {t('value.rfmScoring', { r: method(scoring.recencyDays), f: method(scoring.frequency), m: method(scoring.monetary) })}
      </p>
    </Card>
  );
}
