/**
 * The fitted BG/NBD (purchases) and Gamma-Gamma (order value) parameters, with what they mean in plain terms:
 * purchases per week r/α, the chance of leaving after a purchase a/(a+b), the typical order value pγ/(q−1).
 */
import { useTranslation } from 'react-i18next';
import type { ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { Fact } from '../../components/ui/Fact.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { ParamList } from './ParamList.tsx';

export function ModelFitCard({ report }: { report: ScoringReportBody }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sig = (v: number) => f.significant(v, 4);
  const yesNo = (b: boolean) => (
    <span className={`badge ${b ? 'badge--ok' : 'badge--warn'}`}>{b ? t('common.yes') : t('common.no')}</span>
  );
  // a tiny chance still reads as a chance, not as 0 %
  const chance = (p: number) => (p > 0 && p < 0.001 ? `< ${f.percent(0.001)}` : f.percent(p));
  const bg = report.bgnbd;
  const gg = report.gammaGamma;
  return (
    <Card testId="model-fit" title={t('value.modelsTitle')} help={t('value.modelsHelp')}>
      <div className="value-pair">
        <div data-testid="bgnbd">
          <h3 className="subhead">{t('value.bgnbdTitle')}</h3>
          {!bg ? (
            <EmptyState>{t('value.notFitted')}</EmptyState>
          ) : (
            <>
              <div className="facts">
                <Fact label={t('value.weeklyRate')} value={f.decimal(bg.r / bg.alpha, 3)} help={t('value.weeklyRateHelp')} align="start" />
                <Fact label={t('value.dropout')} value={chance(bg.a / (bg.a + bg.b))} help={t('value.dropoutHelp')} />
              </div>
              <ParamList
                testId="bgnbd-params"
                params={[
                  { key: 'r', label: 'r', help: t('value.paramR'), value: sig(bg.r) },
                  { key: 'alpha', label: 'α', help: t('value.paramAlpha'), value: sig(bg.alpha) },
                  { key: 'a', label: 'a', help: t('value.paramA'), value: sig(bg.a) },
                  { key: 'b', label: 'b', help: t('value.paramB'), value: sig(bg.b) },
                  { key: 'bgnbd-ll', label: t('value.ll'), help: t('value.llHelp'), value: f.decimal(bg.ll, 2) },
                  { key: 'bgnbd-converged', label: t('value.converged'), help: t('value.convergedHelp'), value: yesNo(bg.converged) },
                ]}
              />
            </>
          )}
        </div>
        <div data-testid="gamma-gamma">
          <h3 className="subhead">{t('value.ggTitle')}</h3>
          {!gg ? (
            <EmptyState>{t('value.notFitted')}</EmptyState>
          ) : (
            <>
              <div className="facts">
                <Fact
                  label={t('value.typicalSpend')}
                  value={gg.q > 1 ? t('value.yuan', { value: f.money((gg.p * gg.gamma) / (gg.q - 1)) }) : '–'}
                  help={t('value.typicalSpendHelp')}
                  align="start"
                />
              </div>
              <ParamList
                testId="gamma-gamma-params"
                params={[
                  { key: 'p', label: 'p', help: t('value.paramP'), value: sig(gg.p) },
                  { key: 'q', label: 'q', help: t('value.paramQ'), value: sig(gg.q) },
                  { key: 'gamma', label: 'γ', help: t('value.paramGamma'), value: sig(gg.gamma) },
                  { key: 'gg-ll', label: t('value.ll'), help: t('value.llHelp'), value: f.decimal(gg.ll, 2) },
                  { key: 'gg-converged', label: t('value.converged'), help: t('value.convergedHelp'), value: yesNo(gg.converged) },
                ]}
              />
            </>
          )}
        </div>
      </div>
    </Card>
  );
}
