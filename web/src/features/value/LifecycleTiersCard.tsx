/** Lifecycle tier sizes in the order their rules are checked, each with its rule (first match wins). */
import { useTranslation } from 'react-i18next';
import type { MemberValueBody, ScoringReportBody } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import { TierTable, type TierRow } from './TierTable.tsx';

type LifecycleRules = MemberValueBody['rules']['lifecycle'];

export function LifecycleTiersCard({ report, rules }: { report: ScoringReportBody; rules: LifecycleRules }) {
  const { t, i18n } = useTranslation();
  const zh = currentLanguage(i18n.language) === 'zh-CN';
  const sizes = report.sizes.lifecycle;
  const rows: TierRow[] = rules.map((r) => ({ key: r.tier, members: sizes[r.tier] ?? 0, cells: [zh ? r.rule.zh : r.rule.en] }));
  // a tier the rules do not list (should not happen) still counts, so the total stays honest
  for (const [key, n] of Object.entries(sizes)) if (!rules.some((r) => r.tier === key)) rows.push({ key, members: n, cells: ['–'] });
  return (
    <Card testId="lifecycle-card" title={t('value.lifecycleTitle')} help={t('value.lifecycleHelp')} footer={t('value.lifecycleFooter')}>
      <TierTable family="lifecycle" columns={[{ label: t('value.colRule') }]} rows={rows} total={report.members} testId="lifecycle-tiers" />
    </Card>
  );
}
