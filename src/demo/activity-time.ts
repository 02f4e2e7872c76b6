/** Draws when a member does something: a day from its lifecycle intensity, a time of day from the daily rhythm. */
import { type ActivitySampler, isAlive } from './lifecycle.ts';
import type { DemoPlan } from './plan.ts';
import type { Rng } from './prng.ts';

/** A second offset at least a minute after the member's signup, on a day it is alive. */
export function drawActivityTime(plan: DemoPlan, i: number, sampler: ActivitySampler, rng: Rng): number {
  const raw = Math.max(sampler.sample(rng), (plan.join[i] as number) + 60);
  const t = plan.window.atLocalRhythm(raw, rng);
  return t >= (plan.join[i] as number) + 60 && t <= plan.window.spanSec && isAlive(plan, i, t) ? t : raw;
}

/** Whether member i can act on platform p at time t (its second platform only after it identified there). */
export function hasAccount(plan: DemoPlan, i: number, p: number, t: number): boolean {
  return plan.primary[i] === p || (plan.secondary[i] === p && t > (plan.secondaryAt[i] as number));
}
