/**
 * Where a member should be on the ladder: climb while the next level's requirements all hold; otherwise step down
 * while the current level is lost under its demotion policy. Promotion is checked first, so a member never moves
 * down and up in one evaluation.
 */
import type { LevelLadder } from './ladder.ts';
import { isKept, isMet, type Measure } from './measure.ts';

export interface Placement {
  /** Index into `ladder.levels`; -1 is below the first level. */
  index: number;
  direction: 'up' | 'down' | null;
  reason: string;
}

export interface PlacementInput {
  ladder: LevelLadder;
  current: number;
  /** Local day of the evaluation and of the promotion to the current level (null when unknown). */
  asOfDay: number;
  sinceDay: number | null;
  /** Requirement `requirementIndex` of level `levelIndex`, measured: called lazily, the first unmet one decides. */
  measure: (levelIndex: number, requirementIndex: number) => Measure;
}

/** The first requirement of level `i` that fails `ok`, measuring no further (null: all pass). */
function firstFailing(p: PlacementInput, i: number, ok: (m: Measure) => boolean): Measure | null {
  const n = p.ladder.levels[i]!.requirements.length;
  for (let j = 0; j < n; j++) {
    const m = p.measure(i, j);
    if (!ok(m)) return m;
  }
  return null;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

export function place(p: PlacementInput): Placement {
  const { ladder, current } = p;
  let up = current;
  while (up + 1 < ladder.levels.length && firstFailing(p, up + 1, isMet) === null) up++;
  if (up > current) {
    const reached = ladder.levels.slice(current + 1, up + 1).map((l) => l.id);
    return { index: up, direction: 'up', reason: `requirements of ${reached.join(', ')} met` };
  }
  let down = current;
  let reason = '';
  while (down >= 0) {
    const why = lostBecause(p, down);
    if (why === null) break;
    if (down === current) reason = why;
    down--;
  }
  if (down < current) return { index: down, direction: 'down', reason };
  return { index: current, direction: null, reason: '' };
}

/** Why level `i` is lost at this evaluation, or null if it is kept. Grace applies to the level held, not to those below. */
function lostBecause(p: PlacementInput, i: number): string | null {
  const level = p.ladder.levels[i]!;
  const policy = level.demotion;
  if (policy.kind === 'never') return null;
  if (policy.kind === 'immediate') {
    const failed = firstFailing(p, i, isMet);
    return failed ? `${failed.requirement} ${fmt(failed.value)} ${failed.bound === 'min' ? '<' : '>'} ${fmt(failed.needed)}` : null;
  }
  if (i === p.current && p.sinceDay !== null && p.asOfDay - p.sinceDay <= policy.graceDays) return null;
  const failed = firstFailing(p, i, (m) => isKept(m, policy.keepShare));
  if (!failed) return null;
  return failed.bound === 'min'
    ? `${failed.requirement} ${fmt(failed.value)} < ${fmt(policy.keepShare * 100)}% of ${fmt(failed.needed)}`
    : `${failed.requirement} ${fmt(failed.value)} > ${fmt(failed.needed)}`;
}
