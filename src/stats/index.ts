/** Pure numerical functions (no I/O, no imports of ours): the only entry point of src/stats. */
export { lgamma, digamma, lbeta } from './special.ts';
export { hyp2f1 } from './hyp2f1.ts';
export { minimize, type MinimizeOptions, type MinimizeResult } from './lbfgs.ts';
export { countBelow, tiedScores } from './below.ts';
export { DistinctTriples } from './distinct-triples.ts';
