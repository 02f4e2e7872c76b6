/** Definitions the form can insert, to start from (docs/segments.md has the full language). */

export interface SegmentExample {
  id: 'atRisk' | 'corePosters' | 'wechatNew';
  /** A suggested key for a new segment. */
  key: string;
  definition: Record<string, unknown>;
}

export const SEGMENT_EXAMPLES: readonly SegmentExample[] = [
  {
    // churn-warning members whose predicted lifetime value is ¥500 or more (money is in fen)
    id: 'atRisk',
    key: 'at-risk-high-value',
    definition: {
      kind: 'and',
      of: [
        { kind: 'tier', tier: 'lifecycle_tier', op: 'eq', value: 'churn_warning' },
        { kind: 'score', score: 'clv', op: 'gte', value: 50000 },
      ],
    },
  },
  {
    // the core communication tier, with at least one post in the last 90 days
    id: 'corePosters',
    key: 'core-posters-quarter',
    definition: {
      kind: 'and',
      of: [
        { kind: 'tier', tier: 'communication_tier', op: 'eq', value: 'core' },
        { kind: 'event_count', event: 'post_created', windowDays: 90, op: 'gte', value: 1 },
      ],
    },
  },
  {
    // new members who signed up through a WeChat article (the signup_channel trait)
    id: 'wechatNew',
    key: 'new-from-wechat',
    definition: {
      kind: 'and',
      of: [
        { kind: 'tier', tier: 'lifecycle_tier', op: 'eq', value: 'new' },
        { kind: 'trait', path: 'signup_channel', op: 'eq', value: 'wechat_article' },
      ],
    },
  },
];
