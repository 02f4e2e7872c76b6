/**
 * Pass 0: the plan of the whole community in typed arrays (a few dozen bytes per member): join times, lifecycles,
 * Zipf-like activity weights, personas, platforms, invitations, and the exact number of messages of every member.
 */
import { invalid } from '../core/index.ts';
import { ActivitySampler, isAlive, LC_CHURNED, LC_FADING, LC_RETURNING, type Lifelines } from './lifecycle.ts';
import { P_APP, P_FORUM, P_NONE, P_WECHAT } from './ids.ts';
import { cumulative, Rng, STREAM } from './prng.ts';
import { DemoWindow } from './window.ts';

const DAY = 86_400;

/** Activity weights are Pareto(α) (a continuous Zipf), capped so that the busiest member stays human. */
const PARETO_ALPHA = 1.2;
const WEIGHT_CAP = 400;

export const PERSONAS = ['creator', 'engager', 'lurker', 'checker', 'shopper'] as const;
export type Persona = (typeof PERSONAS)[number];

/** Activity kinds a persona's budget is split into, in this order. */
export const ACT_POST = 0;
export const ACT_COMMENT = 1;
export const ACT_LIKE = 2;
export const ACT_CHECK_IN = 3;
export const ACT_PURCHASE = 4;
export const ACT_PAGE = 5;
/** Share of each activity kind per persona: post, comment, like, check-in, purchase, page view. */
export const PERSONA_MIX: readonly (readonly number[])[] = [
  [0.22, 0.26, 0.22, 0.08, 0.07, 0.15],
  [0.05, 0.28, 0.36, 0.08, 0.08, 0.15],
  [0.01, 0.04, 0.25, 0.05, 0.08, 0.57],
  [0.03, 0.08, 0.2, 0.43, 0.08, 0.18],
  [0.03, 0.07, 0.17, 0.06, 0.3, 0.37],
];
/** Persona odds by activity percentile: bottom half, upper-middle, top tenth. */
const PERSONA_CUM = [cumulative([3, 20, 50, 12, 15]), cumulative([10, 35, 20, 20, 15]), cumulative([45, 35, 0, 10, 10])];
/** Lifecycle odds (active, fading, returning, churned) by the same percentile bands: core members stay. */
const LIFECYCLE_CUM = [cumulative([12, 28, 10, 50]), cumulative([30, 30, 20, 20]), cumulative([60, 15, 20, 5])];

/** Join density over the year: the community grows (×4 from start to end), with a launch campaign at ~7 months. */
function joinDensity(x: number): number {
  const campaign = (x - 0.62) / 0.015;
  return (0.35 + x) * (1 + 1.6 * Math.exp(-campaign * campaign));
}
const JOIN_DENSITY_MAX = 1.35 * 2.6;

export interface DemoPlan extends Lifelines {
  seed: number;
  members: number;
  window: DemoWindow;
  lifecycle: Uint8Array;
  /** Pareto activity weight (>= 1). */
  weight: Float32Array;
  persona: Uint8Array;
  /** 1: English name and mostly English posts; 0: Chinese. */
  english: Uint8Array;
  primary: Uint8Array;
  /** P_NONE when the member uses one platform only. */
  secondary: Uint8Array;
  /** When the member first identifies on its second platform. */
  secondaryAt: Uint32Array;
  /** Anonymous page views before signing up (0: the member's first message is its signup). */
  anonViews: Uint8Array;
  emailVerified: Uint8Array;
  /** Another member whose email this member also gives (a shared family address, never verified), or −1. */
  sharedEmailOf: Int32Array;
  invitedBy: Int32Array;
  inviteSentAt: Uint32Array;
  /** invitees.subarray(inviteeStart[i], inviteeStart[i + 1]): members who joined through i's invitations. */
  inviteeStart: Uint32Array;
  invitees: Uint32Array;
  /** Invitations i sent that nobody accepted. */
  lostInvites: Uint8Array;
  /** Activity events (posts, comments, likes, check-ins, purchases, page views). */
  activities: Uint32Array;
  posts: Uint32Array;
  /** Exact number of messages generated for the member. */
  messages: Uint32Array;
  totalMessages: number;
  totalPosts: number;
}

export interface PlanOptions {
  members: number;
  seed: number;
  end: Date;
  eventsPerMember: number;
}

export function buildPlan(o: PlanOptions): DemoPlan {
  if (!Number.isSafeInteger(o.members) || o.members < 0) throw invalid('demo: members must be a non-negative integer', 'members');
  if (o.members > 50_000_000) throw invalid('demo: at most 50 million members', 'members');
  if (!Number.isSafeInteger(o.seed)) throw invalid('demo: seed must be an integer', 'seed');
  if (!(o.eventsPerMember >= 0 && o.eventsPerMember <= 10_000)) throw invalid('demo: eventsPerMember must be in [0, 10000]', 'eventsPerMember');
  if (!(o.end instanceof Date) || Number.isNaN(o.end.getTime())) throw invalid('demo: `end` is not a valid date', 'end');
  const window = new DemoWindow(o.end);
  const n = o.members;
  const span = window.spanSec;
  const rng = new Rng(o.seed, STREAM.plan, 0);

  const join = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let x = rng.next();
    while (rng.next() * JOIN_DENSITY_MAX > joinDensity(x)) x = rng.next();
    const raw = Math.floor(x * (span - 3600));
    const t = window.atLocalRhythm(raw, rng);
    join[i] = t >= 0 && t <= span - 3600 ? t : raw;
  }
  join.sort();

  const plan: DemoPlan = {
    seed: o.seed,
    members: n,
    window,
    join,
    aliveEnd: new Uint32Array(n),
    gapStart: new Uint32Array(n),
    gapEnd: new Uint32Array(n),
    fadeTau: new Float32Array(n),
    tailRate: new Float32Array(n),
    lifecycle: new Uint8Array(n),
    weight: new Float32Array(n),
    persona: new Uint8Array(n),
    english: new Uint8Array(n),
    primary: new Uint8Array(n),
    secondary: new Uint8Array(n),
    secondaryAt: new Uint32Array(n),
    anonViews: new Uint8Array(n),
    emailVerified: new Uint8Array(n),
    sharedEmailOf: new Int32Array(n).fill(-1),
    invitedBy: new Int32Array(n).fill(-1),
    inviteSentAt: new Uint32Array(n),
    inviteeStart: new Uint32Array(n + 1),
    invitees: new Uint32Array(0),
    lostInvites: new Uint8Array(n),
    activities: new Uint32Array(n),
    posts: new Uint32Array(n),
    messages: new Uint32Array(n),
    totalMessages: 0,
    totalPosts: 0,
  };

  const sampler = new ActivitySampler();
  const activityMass = new Float64Array(n);
  let massSum = 0;
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    const band = u < 0.5 ? 0 : u < 0.9 ? 1 : 2;
    plan.weight[i] = Math.min(WEIGHT_CAP, Math.pow(1 - u, -1 / PARETO_ALPHA));
    plan.persona[i] = rng.weighted(PERSONA_CUM[band] as Float64Array);
    setLifecycle(plan, i, rng.weighted(LIFECYCLE_CUM[band] as Float64Array), rng, span);
    plan.english[i] = rng.chance(0.25) ? 1 : 0;
    plan.primary[i] = rng.chance(0.9) ? P_APP : P_FORUM;
    plan.secondary[i] = P_NONE;
    if (rng.chance(0.1 + 0.2 * u)) {
      const second = plan.primary[i] === P_APP ? (rng.chance(0.6) ? P_WECHAT : P_FORUM) : rng.chance(0.5) ? P_APP : P_WECHAT;
      const at = (join[i] as number) + 3600 + Math.floor(rng.exp(20 * DAY));
      if (at < span - 60 && isAlive(plan, i, at)) {
        plan.secondary[i] = second;
        plan.secondaryAt[i] = at;
      }
    }
    plan.anonViews[i] = rng.chance(0.3) ? Math.min(6, 1 + rng.geometric(1.2)) : 0;
    plan.emailVerified[i] = plan.secondary[i] !== P_NONE || rng.chance(0.85) ? 1 : 0;
    const mass = (plan.weight[i] as number) * sampler.set(plan, i).massDays;
    activityMass[i] = mass;
    massSum += mass;
  }

  planInvitesAndSharedEmails(plan, rng);

  let fixedSum = 0;
  for (let i = 0; i < n; i++) {
    const accepted = (plan.inviteeStart[i + 1] as number) - (plan.inviteeStart[i] as number);
    const lost = accepted > 0 ? rng.binomial(2 * accepted, 0.5) : rng.chance(0.04) ? 1 + rng.geometric(1) : 0;
    plan.lostInvites[i] = Math.min(255, lost);
    const fixed =
      (plan.anonViews[i] as number) + 2 + ((plan.invitedBy[i] as number) >= 0 ? 1 : 0) + (plan.secondary[i] !== P_NONE ? 1 : 0) + accepted + (plan.lostInvites[i] as number);
    plan.messages[i] = fixed;
    fixedSum += fixed;
  }

  // Scale activity so the community averages `eventsPerMember` messages per member (when the fixed ones leave room).
  const scale = massSum > 0 ? Math.max(0, n * o.eventsPerMember - fixedSum) / massSum : 0;
  let total = 0;
  let posts = 0;
  for (let i = 0; i < n; i++) {
    const acts = Math.min(1_000_000, rng.roundStochastic(scale * (activityMass[i] as number)));
    plan.activities[i] = acts;
    const p = rng.binomial(acts, (PERSONA_MIX[plan.persona[i] as number] as readonly number[])[ACT_POST] as number);
    plan.posts[i] = p;
    posts += p;
    const m = (plan.messages[i] as number) + acts;
    plan.messages[i] = m;
    total += m;
  }
  plan.totalMessages = total;
  plan.totalPosts = posts;
  return plan;
}

function setLifecycle(plan: DemoPlan, i: number, lc: number, rng: Rng, span: number): void {
  const join = plan.join[i] as number;
  let aliveEnd = span;
  let gapStart = span;
  let gapEnd = span;
  let fadeTau = 0;
  let tailRate = 1;
  if (lc === LC_FADING) {
    fadeTau = (10 + rng.exp(40)) * DAY;
  } else if (lc === LC_CHURNED) {
    aliveEnd = Math.min(span, join + Math.floor((1 + rng.exp(25)) * DAY));
  } else if (lc === LC_RETURNING) {
    gapStart = Math.min(span, join + Math.floor((7 + rng.exp(30)) * DAY));
    gapEnd = Math.min(span, gapStart + Math.floor((21 + rng.exp(45)) * DAY));
    tailRate = 0.5 + 0.7 * rng.next();
    if (gapEnd >= span) {
      // The year ends before the member comes back: alive until the gap starts.
      aliveEnd = gapStart;
      gapEnd = gapStart;
    }
  }
  plan.lifecycle[i] = lc;
  plan.aliveEnd[i] = aliveEnd;
  plan.gapStart[i] = Math.min(gapStart, aliveEnd);
  plan.gapEnd[i] = Math.min(gapEnd, aliveEnd);
  plan.fadeTau[i] = fadeTau;
  plan.tailRate[i] = tailRate;
}

/** A quarter of members join through an invitation from an earlier member (busier members invite more). */
function planInvitesAndSharedEmails(plan: DemoPlan, rng: Rng): void {
  const n = plan.members;
  const counts = new Uint32Array(n + 1);
  for (let i = 10; i < n; i++) {
    const joinedAt = plan.join[i] as number;
    if (rng.chance(0.25)) {
      let best = -1;
      for (let k = 0; k < 3; k++) {
        const j = rng.int(i);
        if ((plan.join[j] as number) + 3600 > joinedAt || !isAlive(plan, j, joinedAt - 120)) continue;
        if (best < 0 || (plan.weight[j] as number) > (plan.weight[best] as number)) best = j;
      }
      if (best >= 0) {
        plan.invitedBy[i] = best;
        let sentAt = joinedAt - 600 - Math.floor(rng.exp(1.5 * DAY));
        if (sentAt < (plan.join[best] as number) + 60 || !isAlive(plan, best, sentAt)) sentAt = joinedAt - 120;
        plan.inviteSentAt[i] = sentAt;
        counts[best] = (counts[best] as number) + 1;
      }
    }
    if (i >= 50 && rng.chance(0.01)) {
      const j = rng.int(i);
      if (plan.sharedEmailOf[j] === -1) {
        plan.sharedEmailOf[i] = j;
        plan.emailVerified[i] = 0;
        plan.secondary[i] = P_NONE;
      }
    }
  }
  let acc = 0;
  for (let i = 0; i < n; i++) {
    plan.inviteeStart[i] = acc;
    acc += counts[i] as number;
  }
  plan.inviteeStart[n] = acc;
  const fill = plan.inviteeStart.slice(0, n);
  plan.invitees = new Uint32Array(acc);
  for (let i = 0; i < n; i++) {
    const j = plan.invitedBy[i] as number;
    if (j < 0) continue;
    const at = fill[j] as number;
    plan.invitees[at] = i;
    fill[j] = at + 1;
  }
}
