/**
 * The tier and segment keys the scoring API uses, their colours, and a hook naming them in the UI language.
 * A key the console does not know yet (a newer server) is shown as it is rather than hidden.
 */
import { useMemo } from 'react';
import type { CommunicationTier, LifecycleTier, RfmSegment } from '../../../../src/api/schemas/index.ts';
import { useTranslation } from 'react-i18next';

export const LIFECYCLE_TIERS = ['churned', 'new', 'core_koc', 'churn_warning', 'dormant', 'potential', 'active'] as const;
export const COMMUNICATION_TIERS = ['core', 'potential', 'mass'] as const;
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose_them',
  'hibernating',
  'lost',
] as const;
export const RANKING_SCORES = ['composite', 'relationship_density', 'value_density', 'potential_density', 'clv'] as const;
// The lists must name exactly the server's keys: a compile error here means they drifted apart.
export type Same<A extends string, B extends string> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;
const sameKeys: [Same<LifecycleTier, (typeof LIFECYCLE_TIERS)[number]>, Same<CommunicationTier, (typeof COMMUNICATION_TIERS)[number]>, Same<RfmSegment, (typeof RFM_SEGMENTS)[number]>] = [true, true, true];
void sameKeys;

/** Whether `v` is one of the keys in `list` (narrows the type). */
export function oneOf<T extends string>(list: readonly T[], v: string): v is T {
  return (list as readonly string[]).includes(v);
}

const LIFECYCLE_COLORS: Record<(typeof LIFECYCLE_TIERS)[number], string> = {
  core_koc: '#2f54eb',
  active: '#12b76a',
  potential: '#7a5af8',
  new: '#36bffa',
  churn_warning: '#f79009',
  dormant: '#b3b8db',
  churned: '#98a2b3',
};
const COMMUNICATION_COLORS: Record<(typeof COMMUNICATION_TIERS)[number], string> = {
  core: '#2f54eb',
  potential: '#7a5af8',
  mass: '#98a2b3',
};
const FALLBACK_COLOR = '#d0d5dd';

export type TierFamily = 'lifecycle' | 'communication';

export function tierColor(family: TierFamily, key: string): string {
  if (family === 'lifecycle') return oneOf(LIFECYCLE_TIERS, key) ? LIFECYCLE_COLORS[key] : FALLBACK_COLOR;
  return oneOf(COMMUNICATION_TIERS, key) ? COMMUNICATION_COLORS[key] : FALLBACK_COLOR;
}

/** The known tiers of a family in display order (the lifecycle order is the order its rules are checked in). */
export function tierOrder(family: TierFamily): readonly string[] {
  return family === 'lifecycle' ? LIFECYCLE_TIERS : COMMUNICATION_TIERS;
}

export interface TierLabels {
  lifecycle(key: string): string;
  communication(key: string): string;
  tier(family: TierFamily, key: string): string;
  rfm(key: string): string;
  score(key: string): string;
}

export function useTierLabels(): TierLabels {
  const { t } = useTranslation();
  return useMemo(() => {
    const lifecycle = (k: string) => (oneOf(LIFECYCLE_TIERS, k) ? t(`value.lifecycle.${k}`) : k);
    const communication = (k: string) => (oneOf(COMMUNICATION_TIERS, k) ? t(`value.communication.${k}`) : k);
    return {
      lifecycle,
      communication,
      tier: (family, k) => (family === 'lifecycle' ? lifecycle(k) : communication(k)),
      rfm: (k) => (oneOf(RFM_SEGMENTS, k) ? t(`value.rfm.${k}`) : k),
      score: (k) => (oneOf(RANKING_SCORES, k) ? t(`value.score.${k}`) : k),
    };
  }, [t]);
}
