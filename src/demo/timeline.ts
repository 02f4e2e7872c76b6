/**
 * Pass 2, first half: one member's timeline as typed "slots" (time, kind, platform, detail), exactly as many as the
 * plan promised, sorted by time; `messages.ts` turns them into ingest messages.
 */
import { AppError } from '../core/index.ts';
import { drawActivityTime, hasAccount } from './activity-time.ts';
import { CAN_BUY, CAN_CHECK_IN, P_NONE, P_WECHAT } from './ids.ts';
import { ActivitySampler, aliveDays, isAlive, LC_ACTIVE, LC_RETURNING } from './lifecycle.ts';
import { ACT_CHECK_IN, ACT_COMMENT, ACT_LIKE, ACT_PAGE, ACT_POST, ACT_PURCHASE, PERSONA_MIX, type DemoPlan } from './plan.ts';
import { type PostPool, memberPosts, PostScratch } from './posts.ts';
import { cumulative, Rng, STREAM } from './prng.ts';

export const K_ANON_VIEW = 0;
export const K_IDENTIFY = 1;
export const K_SIGNED_UP = 2;
export const K_INVITE_ACCEPTED = 3;
export const K_IDENTIFY_SECOND = 4;
/** detail = the invitee. */
export const K_INVITE_SENT = 5;
/** detail = the number of the lost invitation. */
export const K_INVITE_LOST = 6;
/** detail = the post's ordinal. */
export const K_POST = 7;
/** detail = index of the post in the pool. */
export const K_COMMENT = 8;
export const K_LIKE = 9;
export const K_CHECK_IN = 10;
export const K_PURCHASE = 11;
export const K_PAGE = 12;

const DAY = 86_400;
/** Mean check-in streak length in days by lifecycle (active, fading, returning, churned). */
const STREAK_MEAN = [12, 4, 7, 3];
const SLOT_BITS = 2 ** 22;
/** Per persona, the odds of comment, like, purchase and page view among the remaining activities. */
const OTHERS_CUM = PERSONA_MIX.map((mix) =>
  cumulative([mix[ACT_COMMENT] as number, mix[ACT_LIKE] as number, mix[ACT_PURCHASE] as number, mix[ACT_PAGE] as number]),
);

export class Timeline {
  count = 0;
  time = new Float64Array(256);
  kind = new Uint8Array(256);
  platform = new Uint8Array(256);
  detail = new Int32Array(256);
  /** Slot indices in time order after `build`. */
  order = new Uint32Array(256);
  private keys = new Float64Array(256);
  /** Check-in days already used, marked with member + 1 (no clearing between members). */
  private dayMark = new Uint32Array(0);
  private readonly postRng: Rng;
  private readonly sampler = new ActivitySampler();
  private readonly posts = new PostScratch();

  constructor(
    private readonly plan: DemoPlan,
    private readonly pool: PostPool,
    /** The member's events stream; `messages.ts` keeps drawing from it after `build`. */
    readonly rng: Rng,
  ) {
    this.postRng = new Rng(plan.seed, STREAM.posts, 0);
    this.dayMark = new Uint32Array(plan.window.localDays + 2);
  }

  build(i: number): void {
    const plan = this.plan;
    const rng = this.rng.reseed(plan.seed, STREAM.events, i);
    const sampler = this.sampler.set(plan, i);
    this.count = 0;
    const join = plan.join[i] as number;
    const primary = plan.primary[i] as number;

    for (let k = 0; k < (plan.anonViews[i] as number); k++) {
      this.push(Math.max(0, join - 60 - Math.floor(rng.exp(1.5 * DAY))), K_ANON_VIEW, primary, 0);
    }
    this.push(join, K_IDENTIFY, primary, 0);
    this.push(join + 1, K_SIGNED_UP, primary, 0);
    if ((plan.invitedBy[i] as number) >= 0) this.push(join + 2, K_INVITE_ACCEPTED, primary, 0);
    const second = plan.secondary[i] as number;
    if (second !== P_NONE) this.push(plan.secondaryAt[i] as number, K_IDENTIFY_SECOND, second, 0);
    for (let k = plan.inviteeStart[i] as number; k < (plan.inviteeStart[i + 1] as number); k++) {
      const invitee = plan.invitees[k] as number;
      this.push(plan.inviteSentAt[invitee] as number, K_INVITE_SENT, primary, invitee);
    }
    for (let k = 0; k < (plan.lostInvites[i] as number); k++) this.push(drawActivityTime(plan, i, sampler, rng), K_INVITE_LOST, primary, k);

    this.postRng.reseed(plan.seed, STREAM.posts, i);
    const p = memberPosts(plan, i, this.postRng, sampler, this.posts);
    for (let k = 0; k < p; k++) this.push(this.posts.times[k] as number, K_POST, this.posts.platforms[k] as number, k);

    let rest = (plan.activities[i] as number) - p;
    const canCheckIn = CAN_CHECK_IN[primary as 0 | 1 | 2] || (second !== P_NONE && CAN_CHECK_IN[second as 0 | 1 | 2]);
    if (canCheckIn && rest > 0) {
      const mix = PERSONA_MIX[plan.persona[i] as number] as readonly number[];
      const share = (mix[ACT_CHECK_IN] as number) / (1 - (mix[ACT_POST] as number));
      const wanted = Math.min(rng.binomial(rest, share), Math.floor(aliveDays(plan, i) * 0.9));
      rest -= wanted;
      this.checkIns(i, wanted);
    }
    // Buying is bounded by need, not by engagement: at most about one order every five days alive.
    const maxOrders = 2 + Math.floor(aliveDays(plan, i) / 5);
    let orders = 0;
    const others = OTHERS_CUM[plan.persona[i] as number] as Float64Array;
    for (let k = 0; k < rest; k++) {
      const t = drawActivityTime(plan, i, sampler, rng);
      const what = rng.weighted(others);
      if (what <= 1) {
        const post = this.pool.pick(rng, i, t);
        if (post >= 0) this.push(t, what === 0 ? K_COMMENT : K_LIKE, this.pool.platform[post] as number, post);
        else this.page(i, t);
      } else if (what === 2 && orders < maxOrders) {
        orders++;
        const onWeChat = second === P_WECHAT && t > (plan.secondaryAt[i] as number) && rng.chance(0.5);
        if (onWeChat) this.push(t, K_PURCHASE, P_WECHAT, 0);
        else if (CAN_BUY[primary as 0 | 1 | 2]) this.push(t, K_PURCHASE, primary, 0);
        else if (second !== P_NONE && CAN_BUY[second as 0 | 1 | 2] && t > (plan.secondaryAt[i] as number)) this.push(t, K_PURCHASE, second, 0);
        else this.page(i, t);
      } else {
        this.page(i, t);
      }
    }

    if (this.count !== plan.messages[i]) throw new AppError('internal', `demo: member ${i} produced ${this.count} messages, planned ${plan.messages[i]}`);
    this.sort();
  }

  /** Daily check-ins in streaks at the member's habitual hour, one per local day, only on days it is alive. */
  private checkIns(i: number, wanted: number): void {
    const plan = this.plan;
    const rng = this.rng;
    const w = plan.window;
    const mark = i + 1;
    const join = plan.join[i] as number;
    const habit = rng.chance(0.6) ? 7 * 3600 + rng.int(2 * 3600) : 21 * 3600 + rng.int(2 * 3600);
    const lc = plan.lifecycle[i] as number;
    const mean = (STREAK_MEAN[lc] as number) * (1 + Math.log(plan.weight[i] as number) / 3);
    let left = wanted;
    for (let tries = 0; left > 0 && tries < 3 * wanted + 10; tries++) {
      const first = w.localDay(drawActivityTime(plan, i, this.sampler, rng));
      const length = 1 + rng.geometric(lc === LC_ACTIVE || lc === LC_RETURNING ? mean : mean / 2);
      for (let d = first; d < first + length && left > 0; d++) {
        const t = w.localDayStart(d) + habit + rng.int(1800);
        if (t < join + 60 || t > w.spanSec || !isAlive(plan, i, t)) break;
        if (this.dayMark[d] === mark) continue;
        const platform = this.checkInPlatform(i, t);
        if (platform < 0) continue;
        this.dayMark[d] = mark;
        this.push(t, K_CHECK_IN, platform, 0);
        left--;
      }
    }
    for (; left > 0; left--) this.page(i, drawActivityTime(plan, i, this.sampler, rng));
  }

  /** WeChat (the mini-program) when the member uses it, else the app; −1 when it has neither yet. */
  private checkInPlatform(i: number, t: number): number {
    const plan = this.plan;
    const primary = plan.primary[i] as number;
    const second = plan.secondary[i] as number;
    const secondOk = second !== P_NONE && CAN_CHECK_IN[second as 0 | 1 | 2] && t > (plan.secondaryAt[i] as number);
    if (secondOk && second === P_WECHAT && this.rng.chance(0.7)) return second;
    if (CAN_CHECK_IN[primary as 0 | 1 | 2]) return primary;
    return secondOk ? second : -1;
  }

  private page(i: number, t: number): void {
    const plan = this.plan;
    const second = plan.secondary[i] as number;
    const onSecond = second !== P_NONE && hasAccount(plan, i, second, t) && this.rng.chance(0.3);
    this.push(t, K_PAGE, onSecond ? second : (plan.primary[i] as number), 0);
  }

  private push(t: number, kind: number, platform: number, detail: number): void {
    const n = this.count;
    if (n === this.time.length) this.grow();
    this.time[n] = t;
    this.kind[n] = kind;
    this.platform[n] = platform;
    this.detail[n] = detail;
    this.count = n + 1;
  }

  private sort(): void {
    const n = this.count;
    const keys = this.keys.subarray(0, n);
    for (let k = 0; k < n; k++) keys[k] = (this.time[k] as number) * SLOT_BITS + k;
    keys.sort();
    for (let k = 0; k < n; k++) this.order[k] = (keys[k] as number) % SLOT_BITS;
  }

  private grow(): void {
    const size = this.time.length * 2;
    const time = new Float64Array(size);
    time.set(this.time);
    this.time = time;
    const kind = new Uint8Array(size);
    kind.set(this.kind);
    this.kind = kind;
    const platform = new Uint8Array(size);
    platform.set(this.platform);
    this.platform = platform;
    const detail = new Int32Array(size);
    detail.set(this.detail);
    this.detail = detail;
    this.order = new Uint32Array(size);
    this.keys = new Float64Array(size);
  }
}
