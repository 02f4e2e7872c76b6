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
  /** Local day of the evaluation. */
  asOfDay: number;
  /** Local day of the promotion to the current level (null when unknown): asked only when a grace period applies. */
  sinceDay(): number | null;
  /**
   * Requirement `requirementIndex` of level `levelIndex`, measured: called lazily, the first unmet one decides. The
   * result is read before the next call (it may be one object refilled each time).
   */
  measure(levelIndex: number, requirementIndex: number): Measure;
}

/** Staying where one is, per level index (+1): most placements, shared rather than allocated each time. */
const stays: Placement[] = [];
function stay(index: number): Placement {
  return (stays[index + 1] ??= Object.freeze({ index, direction: null, reason: '' }));
}

/** The first requirement of level `i` that is not met, measuring no further (null: all are). */
function firstUnmet(p: PlacementInput, i: number): Measure | null {
  const n = p.ladder.levels[i]!.requirements.length;
  for (let j = 0; j < n; j++) {
    const m = p.measure(i, j);
    if (!isMet(m)) return m;
  }
  return null;
}

/** The first requirement of level `i` that is not kept with `keepShare` (null: all are). */
function firstUnkept(p: PlacementInput, i: number, keepShare: number): Measure | null {
  const n = p.ladder.levels[i]!.requirements.length;
  for (let j = 0; j < n; j++) {
    const m = p.measure(i, j);
    if (!isKept(m, keepShare)) return m;
  }
  return null;
}

/** Promotion reasons by ladder, from and to (every new member is promoted to the first level: one string for all). */
const promotionReasons = new WeakMap<LevelLadder, Map<number, string>>();

function promotionReason(ladder: LevelLadder, current: number, up: number): string {
  let byStep = promotionReasons.get(ladder);
  if (!byStep) promotionReasons.set(ladder, (byStep = new Map()));
  const step = (current + 1) * ladder.levels.length + up;
  let reason = byStep.get(step);
  if (reason === undefined) {
    const reached = ladder.levels.slice(current + 1, up + 1).map((l) => l.id);
    byStep.set(step, (reason = `requirements of ${reached.join(', ')} met`));
  }
  return reason;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

export function place(p: PlacementInput): Placement {
  const { ladder, current } = p;
  let up = current;
  while (up + 1 < ladder.levels.length && firstUnmet(p, up + 1) === null) up++;
  if (up > current) return { index: up, direction: 'up', reason: promotionReason(ladder, current, up) };
  let down = current;
  let reason = '';
  while (down >= 0) {
    const why = lostBecause(p, down);
    if (why === null) break;
    if (down === current) reason = why;
    down--;
  }
  if (down < current) return { index: down, direction: 'down', reason };
  return stay(current);
}

/** Why level `i` is lost at this evaluation, or null if it is kept. Grace applies to the level held, not to those below. */
function lostBecause(p: PlacementInput, i: number): string | null {
  const level = p.ladder.levels[i]!;
  const policy = level.demotion;
  if (policy.kind === 'never') return null;
  if (policy.kind === 'immediate') {
    const failed = firstUnmet(p, i);
    return failed ? `${failed.requirement} ${fmt(failed.value)} ${failed.bound === 'min' ? '<' : '>'} ${fmt(failed.needed)}` : null;
  }
  if (i === p.current) {
    const since = p.sinceDay();
    if (since !== null && p.asOfDay - since <= policy.graceDays) return null;
  }
  const failed = firstUnkept(p, i, policy.keepShare);
  if (!failed) return null;
  return failed.bound === 'min'
    ? `${failed.requirement} ${fmt(failed.value)} < ${fmt(policy.keepShare * 100)}% of ${fmt(failed.needed)}`
    : `${failed.requirement} ${fmt(failed.value)} > ${fmt(failed.needed)}`;
}
