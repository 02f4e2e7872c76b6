/** Models: customer value (BG/NBD, Gamma-Gamma, CLV), RFM, and the scores built on them. Pure functions over summaries. */
export { compressSummaries, summaryProblem, type CustomerSummary, type WeightedSummary } from './clv/summary.ts';
export { bgnbdConditionalExpected, bgnbdExpectedPurchases, bgnbdLogLikelihood, bgnbdPAlive, bgnbdProbabilityOfN, fitBgNbd, type BgNbdParams, type FitReport, bgnbdConditionalNumerator, bgnbdConditionalDenominator } from './clv/bgnbd.ts';
export { fitGammaGamma, gammaGammaExpectedSpend, gammaGammaLogLikelihood, type GammaGammaParams, type SpendRows } from './clv/gamma-gamma.ts';
export { customerLifetimeValue, type ClvOptions } from './clv/clv.ts';
export { summariseTransactions, type SummaryWithHoldout, type Transaction } from './clv/transactions.ts';
export { calibrationHoldout, type HoldoutRow } from './clv/holdout.ts';
export { fitClv, SummaryError, type ClvFitReport } from './clv/fit-all.ts';
export { RFM_SEGMENTS, RFM_SEGMENT_RULES, rfmSegment, type RfmSegment, type RfmSegmentRule } from './rfm/segments.ts';
export { scoreRfm, type RfmInputs, type RfmScores, type RfmThresholds } from './rfm/scores.ts';
export { scoringSettings, type ScoringSettings, type ScoringSettingsInput } from './settings.ts';
export { memberFeatures, purchaseHistories, type MemberFeatures } from './features/member-features.ts';
export { threeDegree, weeklyTrend, COMPONENTS, type ComponentName, type ThreeDegree } from './scores/three-degree.ts';
export { shareBelow, weightedScore } from './scores/ranks.ts';
