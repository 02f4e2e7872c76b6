/** Demo: a deterministic, seeded generator of a realistic bilingual community, streamed as ingest message batches. */
import type { IngestMessageInput } from '../ingest/index.ts';
import { userIdOf, PLATFORMS, P_NONE, type Platform } from './ids.ts';
import { LIFECYCLES, type Lifecycle } from './lifecycle.ts';
import { MessageWriter } from './messages.ts';
import { buildPlan, PERSONAS, type DemoPlan, type Persona } from './plan.ts';
import { PostPool } from './posts.ts';
import { Rng, STREAM } from './prng.ts';
import { Timeline } from './timeline.ts';

export { demoTextLabel, type Lang, type Sentiment } from './content.ts';
export { CATALOGUE, CATEGORIES, type Category } from './catalogue.ts';
export { PLATFORMS, type Platform } from './ids.ts';

export interface DemoOptions {
  members: number;
  /** Default 42. */
  seed?: number;
  /** Last instant of the 12-month window (callers pass "now"); every timestamp is <= end. */
  end: Date;
  /** Mean number of messages per member, default 10 (at least the ~2.6 signup messages every member has). */
  eventsPerMember?: number;
}

/** Messages per yielded batch (well under the ingest batch limit of 2,500). */
export const DEMO_BATCH_SIZE = 500;

function planOf(opts: DemoOptions): DemoPlan {
  return buildPlan({ members: opts.members, seed: opts.seed ?? 42, end: opts.end, eventsPerMember: opts.eventsPerMember ?? 10 });
}

/**
 * Streams the community member by member (each member's messages in time order; members in join order) in batches
 * of at most 500. Memory is O(members + posts) in typed arrays, never O(events). The same options give
 * byte-identical output.
 */
export function* generateDemo(opts: DemoOptions): Generator<IngestMessageInput[]> {
  const plan = planOf(opts);
  const pool = new PostPool(plan);
  const timeline = new Timeline(plan, pool, new Rng(plan.seed, STREAM.events, 0));
  const writer = new MessageWriter(plan, pool, timeline);
  const batches = new Batcher();
  for (let i = 0; i < plan.members; i++) {
    timeline.build(i);
    writer.write(i, batches);
    if (batches.full.length > 0) {
      yield* batches.full;
      batches.full = [];
    }
  }
  if (batches.current.length > 0) yield batches.current;
}

/** Collects messages into arrays of DEMO_BATCH_SIZE without copying. */
class Batcher {
  full: IngestMessageInput[][] = [];
  current: IngestMessageInput[] = [];

  push(m: IngestMessageInput): void {
    this.current.push(m);
    if (this.current.length === DEMO_BATCH_SIZE) {
      this.full.push(this.current);
      this.current = [];
    }
  }
}

/** The exact number of messages `generateDemo(opts)` yields (it runs the cheap planning pass only). */
export function estimateDemoEvents(opts: DemoOptions): number {
  return planOf(opts).totalMessages;
}

export interface DemoMemberTruth {
  /** The member's user id on its first platform. */
  userId: string;
  platform: Platform;
  /** Its second account, if any (linked by the same verified email: should be merged). */
  second: { userId: string; platform: Platform } | undefined;
  /** The member whose email it also gives, unverified (a shared address: must NOT be merged with it). */
  sharesEmailWith: string | undefined;
  invitedBy: string | undefined;
  lifecycle: Lifecycle;
  persona: Persona;
  joinedAt: string;
  messages: number;
}

/**
 * Ground truth the events only show through behaviour (lifecycles, personas, who is the same person), for tests and
 * benchmarks of identity resolution, lifecycle and churn analytics. Not part of the event data.
 */
export function* demoTruth(opts: DemoOptions): Generator<DemoMemberTruth> {
  const plan = planOf(opts);
  for (let i = 0; i < plan.members; i++) {
    const p = plan.primary[i] as 0 | 1 | 2;
    const s = plan.secondary[i] as number;
    const shared = plan.sharedEmailOf[i] as number;
    const inviter = plan.invitedBy[i] as number;
    yield {
      userId: userIdOf(i, p),
      platform: PLATFORMS[p],
      second: s === P_NONE ? undefined : { userId: userIdOf(i, s), platform: PLATFORMS[s as 0 | 1 | 2] },
      sharesEmailWith: shared >= 0 ? userIdOf(shared, plan.primary[shared] as number) : undefined,
      invitedBy: inviter >= 0 ? userIdOf(inviter, plan.primary[inviter] as number) : undefined,
      lifecycle: LIFECYCLES[plan.lifecycle[i] as number] as Lifecycle,
      persona: PERSONAS[plan.persona[i] as number] as Persona,
      joinedAt: plan.window.iso(plan.join[i] as number, 0),
      messages: plan.messages[i] as number,
    };
  }
}
