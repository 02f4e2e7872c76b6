/**
 * Pass 1: every post of the community (time, author, ordinal, platform), bucketed by local day, so that comments and
 * likes of any member can target a post that already exists, mostly a recent one by a busy author.
 */
import { drawActivityTime, hasAccount } from './activity-time.ts';
import { CAN_POST, P_NONE } from './ids.ts';
import { ActivitySampler } from './lifecycle.ts';
import type { DemoPlan } from './plan.ts';
import { Rng, STREAM } from './prng.ts';

/** Reusable output of `memberPosts`. */
export class PostScratch {
  times = new Float64Array(64);
  platforms = new Uint8Array(64);

  ensure(n: number): void {
    if (n <= this.times.length) return;
    const size = Math.max(n, this.times.length * 2);
    this.times = new Float64Array(size);
    this.platforms = new Uint8Array(size);
  }
}

/**
 * Member i's posts in time order (ordinal = index). `rng` must be freshly seeded on the member's posts stream and
 * `sampler` set to the member: pass 1 and pass 2 both call this and get identical posts.
 */
export function memberPosts(plan: DemoPlan, i: number, rng: Rng, sampler: ActivitySampler, out: PostScratch): number {
  const p = plan.posts[i] as number;
  out.ensure(p);
  for (let k = 0; k < p; k++) out.times[k] = drawActivityTime(plan, i, sampler, rng);
  out.times.subarray(0, p).sort();
  const second = plan.secondary[i] as number;
  const secondCanPost = second !== P_NONE && CAN_POST[second as 0 | 1 | 2];
  for (let k = 0; k < p; k++) {
    const onSecond = secondCanPost && (out.times[k] as number) > (plan.secondaryAt[i] as number) && rng.chance(0.35);
    out.platforms[k] = onSecond ? second : (plan.primary[i] as number);
  }
  return p;
}

export class PostPool {
  /** Posts sorted by local day; within a day, by author. */
  readonly time: Uint32Array;
  readonly author: Uint32Array;
  readonly ordinal: Uint32Array;
  readonly platform: Uint8Array;
  /** Posts of local day d are [dayStart[d], dayStart[d + 1]). */
  readonly dayStart: Uint32Array;

  constructor(private readonly plan: DemoPlan) {
    const total = plan.totalPosts;
    const days = plan.window.localDays;
    const tTime = new Uint32Array(total);
    const tAuthor = new Uint32Array(total);
    const tOrdinal = new Uint32Array(total);
    const tPlatform = new Uint8Array(total);
    const counts = new Uint32Array(days + 1);
    const rng = new Rng(plan.seed, STREAM.posts, 0);
    const sampler = new ActivitySampler();
    const scratch = new PostScratch();
    let n = 0;
    for (let i = 0; i < plan.members; i++) {
      if (plan.posts[i] === 0) continue;
      rng.reseed(plan.seed, STREAM.posts, i);
      const p = memberPosts(plan, i, rng, sampler.set(plan, i), scratch);
      for (let k = 0; k < p; k++, n++) {
        const t = scratch.times[k] as number;
        tTime[n] = t;
        tAuthor[n] = i;
        tOrdinal[n] = k;
        tPlatform[n] = scratch.platforms[k] as number;
        const d = plan.window.localDay(t);
        counts[d] = (counts[d] as number) + 1;
      }
    }
    this.dayStart = new Uint32Array(days + 1);
    let acc = 0;
    for (let d = 0; d < days; d++) {
      this.dayStart[d] = acc;
      acc += counts[d] as number;
    }
    this.dayStart[days] = acc;
    const fill = this.dayStart.slice(0, days);
    this.time = new Uint32Array(total);
    this.author = new Uint32Array(total);
    this.ordinal = new Uint32Array(total);
    this.platform = new Uint8Array(total);
    for (let k = 0; k < total; k++) {
      const t = tTime[k] as number;
      const d = plan.window.localDay(t);
      const at = fill[d] as number;
      fill[d] = at + 1;
      this.time[at] = t;
      this.author[at] = tAuthor[k] as number;
      this.ordinal[at] = tOrdinal[k] as number;
      this.platform[at] = tPlatform[k] as number;
    }
  }

  /**
   * A post member `actor` can react to at time t: published at least a minute earlier, by someone else, on a platform
   * the actor uses; mostly from the last few days; of two candidates the busier author wins. −1 when none is found.
   */
  pick(rng: Rng, actor: number, t: number): number {
    const plan = this.plan;
    const today = plan.window.localDay(t);
    for (let attempt = 0; attempt < 6; attempt++) {
      const d = today - rng.geometric(attempt < 3 ? 1 : 6);
      if (d < 0) continue;
      const from = this.dayStart[d] as number;
      const size = (this.dayStart[d + 1] as number) - from;
      if (size === 0) continue;
      const a = this.usable(from + rng.int(size), actor, t);
      const b = this.usable(from + rng.int(size), actor, t);
      if (a < 0) {
        if (b >= 0) return b;
        continue;
      }
      if (b < 0) return a;
      return (plan.weight[this.author[b] as number] as number) > (plan.weight[this.author[a] as number] as number) ? b : a;
    }
    return -1;
  }

  private usable(k: number, actor: number, t: number): number {
    const author = this.author[k] as number;
    if (author === actor || (this.time[k] as number) + 60 > t) return -1;
    return hasAccount(this.plan, actor, this.platform[k] as number, t) ? k : -1;
  }
}
