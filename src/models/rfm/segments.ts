/**
 * Named RFM segments on the recency × frequency grid: the map most RFM tools share (Champions in the top corner,
 * Can't Lose Them for frequent buyers gone quiet, …), with the bottom-left corner split into Hibernating and Lost.
 * Every (R, F) pair has exactly one segment; the monetary score ranks members within a segment.
 * The rules are data so the console can show them as they are applied.
 */

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
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export interface RfmSegmentRule {
  segment: RfmSegment;
  /** Inclusive ranges of the recency and frequency scores. */
  r: readonly [number, number];
  f: readonly [number, number];
  /** What the segment means for an operator, and the usual action. */
  why: { en: string; zh: string };
}

export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = [
  { segment: 'champions', r: [5, 5], f: [4, 5], why: { en: 'Bought recently and often: reward them, ask for reviews and referrals.', zh: '最近且频繁购买：奖励、邀请评价与推荐。' } },
  { segment: 'loyal', r: [3, 4], f: [4, 5], why: { en: 'Buy often, fairly recently: upsell, loyalty programme.', zh: '经常购买、较近期：加购推荐、会员计划。' } },
  { segment: 'potential_loyalist', r: [4, 5], f: [2, 3], why: { en: 'Recent, a few purchases: offer membership, recommend.', zh: '近期有数次购买：引导入会、个性推荐。' } },
  { segment: 'new', r: [5, 5], f: [1, 1], why: { en: 'First purchase just now: onboard them well.', zh: '刚完成首单：做好新人引导。' } },
  { segment: 'promising', r: [4, 4], f: [1, 1], why: { en: 'Recent first-time buyers: build the habit.', zh: '近期首单用户：培养购买习惯。' } },
  { segment: 'need_attention', r: [3, 3], f: [3, 3], why: { en: 'Average on both: limited-time offers.', zh: '各项居中：限时优惠唤起。' } },
  { segment: 'about_to_sleep', r: [3, 3], f: [1, 2], why: { en: 'Fading after little activity: share popular items, reconnect.', zh: '活跃不多且在减退：推送热门内容、重新联系。' } },
  { segment: 'at_risk', r: [1, 2], f: [3, 4], why: { en: 'Used to buy often, not for a while: personal outreach.', zh: '曾经常购买但已久未购买：一对一挽回。' } },
  { segment: 'cant_lose_them', r: [1, 2], f: [5, 5], why: { en: 'The best buyers have gone quiet: win them back now.', zh: '最佳客户已沉寂：立即挽回。' } },
  { segment: 'hibernating', r: [2, 2], f: [1, 2], why: { en: 'Long ago, seldom: low-cost reactivation.', zh: '久未购买且次数少：低成本唤醒。' } },
  { segment: 'lost', r: [1, 1], f: [1, 2], why: { en: 'Longest gone, seldom bought: do not spend much here.', zh: '流失最久、购买很少：不宜投入过多。' } },
];

const GRID: RfmSegment[][] = Array.from({ length: 6 }, (_, r) =>
  Array.from({ length: 6 }, (_, f) => RFM_SEGMENT_RULES.find((x) => r >= x.r[0] && r <= x.r[1] && f >= x.f[0] && f <= x.f[1])?.segment ?? 'lost'),
);

/** The segment of recency and frequency scores 1–5. */
export function rfmSegment(r: number, f: number): RfmSegment {
  return GRID[r]![f]!;
}
