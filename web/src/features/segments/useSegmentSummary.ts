/** The summary words in the UI language (tier and segment labels shared with the value page), as a function. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { oneOf, useTierLabels } from '../value/tiers.ts';
import { COMPARE_OPS, SCORE_NAMES, summarizeDefinition, TIER_NAMES, type SummaryWords } from './summary.ts';

export function useSummaryWords(): SummaryWords {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useTierLabels();
  return useMemo(
    () => ({
      and: t('segments.summary.and'),
      or: t('segments.summary.or'),
      not: t('segments.summary.not'),
      exists: t('segments.summary.exists'),
      op: (op) => (oneOf(COMPARE_OPS, op) ? t(`segments.summary.op.${op}`) : op),
      trait: (path) => t('segments.summary.trait', { path }),
      score: (name) => (oneOf(SCORE_NAMES, name) ? t(`segments.summary.score.${name}`) : name),
      tier: (name) => (oneOf(TIER_NAMES, name) ? t(`segments.summary.tier.${name}`) : name),
      tierValue: (tier, value) =>
        tier === 'lifecycle_tier'
          ? labels.lifecycle(value)
          : tier === 'communication_tier'
            ? labels.communication(value)
            : tier === 'rfm_segment'
              ? labels.rfm(value)
              : value,
      events: (event, days, role) =>
        t(role === 'target' ? 'segments.summary.eventTarget' : 'segments.summary.eventActor', { event, days: Number.isFinite(days) ? f.number(days) : '?' }),
      money: (minor) => `¥${f.money(minor)}`,
      number: (n) => f.decimal(n, 4),
    }),
    [t, f, labels],
  );
}

/** `(definition) => "生命周期层级 = 流失预警 且 终身价值 ≥ ¥500.00"` in the current language. */
export function useSegmentSummary(): (definition: unknown) => string {
  const words = useSummaryWords();
  return useCallback((definition: unknown) => summarizeDefinition(definition, words), [words]);
}
