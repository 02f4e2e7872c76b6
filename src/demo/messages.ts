/** Pass 2, second half: turns a member's sorted timeline into Segment-style ingest messages with texts, orders and targets. */
import type { IngestMessageInput } from '../ingest/index.ts';
import { purchase, spendLevel } from './catalogue.ts';
import { commentText, postText, type LangCode, type SentimentCode } from './content.ts';
import { anonymousIdOf, commentIdOf, inviteCodeOf, lostInviteCodeOf, orderIdOf, PLATFORMS, postIdOf, userIdOf } from './ids.ts';
import { LC_CHURNED, LC_FADING } from './lifecycle.ts';
import { memberProfile, outsiderEmail, type Profile } from './names.ts';
import type { DemoPlan } from './plan.ts';
import type { PostPool } from './posts.ts';
import { cumulative, Rng, STREAM } from './prng.ts';
import * as T from './timeline.ts';

const DAY = 86_400;
const SIGNUP_CHANNELS = ['organic_search', 'wechat_article', 'xiaohongshu', 'douyin', 'app_store', 'weibo', 'offline_event', 'bilibili'];
const SIGNUP_CHANNEL_CUM = cumulative([20, 20, 15, 12, 13, 5, 8, 7]);
const INVITE_CHANNELS = ['wechat', 'link', 'sms', 'email'];
const INVITE_CHANNEL_CUM = cumulative([55, 25, 10, 10]);
const PATHS = ['/', '/feed', '/shop', '/shop/beans', '/shop/gear', '/events', '/courses', '/me', '/leaderboard', '/search'];
const PATH_CUM = cumulative([20, 25, 10, 8, 6, 7, 5, 9, 5, 5]);
const ANON_PATHS = ['/', '/shop', '/shop/beans', '/events', '/about', '/download'];
const ANON_PATH_CUM = cumulative([35, 15, 15, 10, 10, 15]);

export class MessageWriter {
  private readonly profileRng: Rng;
  private readonly userIds: string[] = ['', '', ''];
  private counter = 0;

  constructor(
    private readonly plan: DemoPlan,
    private readonly pool: PostPool,
    private readonly timeline: T.Timeline,
  ) {
    this.profileRng = new Rng(plan.seed, STREAM.profile, 0);
  }

  private profile(i: number): Profile {
    this.profileRng.reseed(this.plan.seed, STREAM.profile, i);
    return memberProfile(this.profileRng, i, this.plan.english[i] === 1);
  }

  /** Appends member i's messages (built by `timeline.build(i)` just before) to `out`. */
  write(i: number, out: { push(m: IngestMessageInput): void }): void {
    const plan = this.plan;
    const tl = this.timeline;
    const rng = tl.rng;
    const w = plan.window;
    const seed = plan.seed;
    const idPrefix = `demo-${seed}-`;
    const english = plan.english[i] === 1;
    const lang: LangCode = english ? 1 : 0;
    const profile = this.profile(i);
    const shared = plan.sharedEmailOf[i] as number;
    const email = shared >= 0 ? this.profile(shared).email : profile.email;
    const inviter = plan.invitedBy[i] as number;
    const inviterId = inviter >= 0 ? userIdOf(inviter, plan.primary[inviter] as number) : undefined;
    const channel = inviter >= 0 ? 'invite' : (SIGNUP_CHANNELS[rng.weighted(SIGNUP_CHANNEL_CUM)] as string);
    const level = spendLevel(rng);
    const lc = plan.lifecycle[i] as number;
    const baseNegative = lc === LC_CHURNED ? 0.3 : lc === LC_FADING ? 0.22 : 0.13;
    // Members grow sour shortly before they leave (churn or a long gap): behaviour, not a label.
    const leaveAt = Math.min(plan.aliveEnd[i] as number, plan.gapStart[i] as number);
    const leaves = leaveAt < w.spanSec;
    const ids = this.userIds;
    for (let p = 0; p < 3; p++) ids[p] = p === plan.primary[i] || p === plan.secondary[i] ? userIdOf(i, p) : '';
    const anonymousId = (plan.anonViews[i] as number) > 0 ? anonymousIdOf(seed, i) : undefined;
    let comments = 0;
    let orders = 0;

    for (let s = 0; s < tl.count; s++) {
      const slot = tl.order[s] as number;
      const t = tl.time[slot] as number;
      const kind = tl.kind[slot] as number;
      const pf = tl.platform[slot] as number;
      const platform = PLATFORMS[pf as 0 | 1 | 2];
      const messageId = idPrefix + this.counter++;
      const timestamp = w.iso(t, rng.int(1000));
      const userId = ids[pf] as string;
      switch (kind) {
        case T.K_ANON_VIEW:
          out.push({ type: 'track', event: 'page_viewed', messageId, timestamp, anonymousId, platform, properties: { path: ANON_PATHS[rng.weighted(ANON_PATH_CUM)] } });
          break;
        case T.K_IDENTIFY: {
          const traits: Record<string, unknown> = { name: profile.name, email, email_verified: plan.emailVerified[i] === 1 };
          if (profile.phone !== undefined) traits.phone = profile.phone;
          traits.city = profile.city;
          traits.signup_channel = channel;
          if (inviterId !== undefined) traits.invited_by = inviterId;
          out.push(anonymousId === undefined
            ? { type: 'identify', messageId, timestamp, userId, platform, traits }
            : { type: 'identify', messageId, timestamp, userId, anonymousId, platform, traits });
          break;
        }
        case T.K_SIGNED_UP:
          out.push({ type: 'track', event: 'signed_up', messageId, timestamp, userId, platform, properties: inviterId === undefined ? { signup_channel: channel } : { signup_channel: channel, invited_by: inviterId } });
          break;
        case T.K_INVITE_ACCEPTED:
          out.push({
            type: 'track', event: 'invite_accepted', messageId, timestamp, userId, platform,
            properties: { inviter_id: inviterId, invite_code: inviteCodeOf(seed, i) },
            target: { userId: inviterId, platform: PLATFORMS[plan.primary[inviter] as 0 | 1 | 2] },
          });
          break;
        case T.K_IDENTIFY_SECOND:
          out.push({ type: 'identify', messageId, timestamp, userId, platform, traits: { name: profile.name, email: profile.email, email_verified: true } });
          break;
        case T.K_INVITE_SENT: {
          const invitee = tl.detail[slot] as number;
          out.push({
            type: 'track', event: 'invite_sent', messageId, timestamp, userId, platform,
            properties: { invite_code: inviteCodeOf(seed, invitee), invitee_email: this.inviteeEmail(invitee), channel: INVITE_CHANNELS[rng.weighted(INVITE_CHANNEL_CUM)] },
          });
          break;
        }
        case T.K_INVITE_LOST:
          out.push({
            type: 'track', event: 'invite_sent', messageId, timestamp, userId, platform,
            properties: { invite_code: lostInviteCodeOf(seed, i, tl.detail[slot] as number), invitee_email: outsiderEmail(rng), channel: INVITE_CHANNELS[rng.weighted(INVITE_CHANNEL_CUM)] },
          });
          break;
        case T.K_POST: {
          const pl = this.postLang(lang);
          const text = postText(rng, pl, this.sentiment(t, baseNegative, leaves, leaveAt));
          out.push({
            type: 'track', event: 'post_created', messageId, timestamp, userId, platform,
            properties: { post_id: postIdOf(i, tl.detail[slot] as number), title: text.title, body: text.body, lang: LANG_NAMES[pl], topic: text.topic },
          });
          break;
        }
        case T.K_COMMENT:
        case T.K_LIKE: {
          const k = tl.detail[slot] as number;
          const author = this.pool.author[k] as number;
          const postId = postIdOf(author, this.pool.ordinal[k] as number);
          const target = { userId: userIdOf(author, pf), platform };
          if (kind === T.K_LIKE) {
            out.push({ type: 'track', event: 'post_liked', messageId, timestamp, userId, platform, properties: { post_id: postId }, target });
          } else {
            const cl = this.postLang(lang);
            out.push({
              type: 'track', event: 'comment_created', messageId, timestamp, userId, platform,
              properties: { post_id: postId, comment_id: commentIdOf(i, comments++), body: commentText(rng, cl, this.sentiment(t, baseNegative, leaves, leaveAt)), lang: LANG_NAMES[cl] },
              target,
            });
          }
          break;
        }
        case T.K_CHECK_IN:
          out.push({ type: 'track', event: 'check_in', messageId, timestamp, userId, platform });
          break;
        case T.K_PURCHASE: {
          const order = purchase(rng, level);
          out.push({
            type: 'track', event: 'purchase', messageId, timestamp, userId, platform,
            properties: { order_id: orderIdOf(i, orders++), amount: order.amount, currency: 'CNY', category: order.category, sku: order.sku, quantity: order.quantity },
          });
          break;
        }
        default:
          out.push({ type: 'track', event: 'page_viewed', messageId, timestamp, userId, platform, properties: { path: PATHS[rng.weighted(PATH_CUM)] } });
      }
    }
  }

  /** Mostly the member's language; now and then the other one (English speakers more often write Chinese). */
  private postLang(lang: LangCode): LangCode {
    return this.timeline.rng.next() < (lang === 1 ? 0.85 : 0.93) ? lang : ((1 - lang) as LangCode);
  }

  private sentiment(t: number, baseNegative: number, leaves: boolean, leaveAt: number): SentimentCode {
    const negative = leaves && t > leaveAt - 10 * DAY ? 0.5 : baseNegative;
    const r = this.timeline.rng.next();
    return r < negative ? 1 : r < negative + (1 - negative) * 0.55 ? 0 : 2;
  }

  private inviteeEmail(invitee: number): string {
    const shared = this.plan.sharedEmailOf[invitee] as number;
    return this.profile(shared >= 0 ? shared : invitee).email;
  }
}

const LANG_NAMES = ['zh', 'en'] as const;
