/**
 * Discourse trust levels 1–3 with Discourse's default site settings (config/site_settings.yml, section `trust`;
 * TL3 rules from app/models/trust_level3_requirements.rb, TL1/TL2 from lib/promotion.rb). TL0 is "no level" here.
 * The events are those of a Discourse-like source as the points preset reads them (points/README.md), plus
 * `topic_viewed` and `post_flag_agreed`, which trust levels need and points do not; levels/README.md lists them.
 */
import { levelLadder, type LevelLadder } from '../../levels/ladder.ts';

/** The events the trust levels read, and what each must carry. */
export const DISCOURSE_EVENTS = {
  /** One per member and day visited: `posts_read` (count) and `time_read` (seconds) that day. */
  dayVisited: 'day_visited',
  /** A member opens a topic for the first time (Discourse's TopicViewItem: one per member and topic). */
  topicViewed: 'topic_viewed',
  /** A new topic (its first post also arrives as a `post_created`). */
  topicCreated: 'topic_created',
  /** Every post: `topic_id`; the target is the author of the post replied to (none for a topic's first post). */
  postCreated: 'post_created',
  /** A like: the actor likes, the target is the author of the liked post. */
  postLiked: 'post_liked',
  /**
   * A flag on the target's post that staff agreed with: the actor flagged, `post_id` names the post. (The points
   * preset's `flag_agreed` names the flagger as its target, to reward them; this one names the flagged author.)
   */
  postFlagAgreed: 'post_flag_agreed',
} as const;

const E = DISCOURSE_EVENTS;

/** Discourse's defaults (site_settings.yml, `trust:`), named as the settings are. */
export const DISCOURSE_DEFAULTS = {
  tl1_requires_topics_entered: 5,
  tl1_requires_read_posts: 30,
  tl1_requires_time_spent_mins: 10,
  tl2_requires_topics_entered: 20,
  tl2_requires_read_posts: 100,
  tl2_requires_time_spent_mins: 60,
  tl2_requires_days_visited: 15,
  tl2_requires_likes_received: 1,
  tl2_requires_likes_given: 1,
  tl2_requires_topic_reply_count: 3,
  tl3_time_period: 100,
  tl3_requires_days_visited: 50,
  tl3_requires_topics_replied_to: 10,
  /** Percent of the topics created in the period, at most the cap. */
  tl3_requires_topics_viewed: 25,
  tl3_requires_topics_viewed_cap: 500,
  /** Percent of the posts created in the period, at most the cap. */
  tl3_requires_posts_read: 25,
  tl3_requires_posts_read_cap: 20_000,
  tl3_requires_topics_viewed_all_time: 200,
  tl3_requires_posts_read_all_time: 500,
  tl3_requires_max_flagged: 5,
  tl3_promotion_min_duration: 14,
  tl3_requires_likes_given: 30,
  tl3_requires_likes_received: 20,
} as const;

/** TrustLevel3Requirements::LOW_WATER_MARK: TL3 is lost below 90% of a requirement. */
export const DISCOURSE_LOW_WATER_MARK = 0.9;

export type DiscourseSettings = { -readonly [K in keyof typeof DISCOURSE_DEFAULTS]: number };

/** The ladder for a community's settings (defaults for any left out). */
export function discourseLevelLadder(overrides: Partial<DiscourseSettings> = {}): LevelLadder {
  const s: DiscourseSettings = { ...DISCOURSE_DEFAULTS, ...overrides };
  const period = s.tl3_time_period;
  return levelLadder.parse({
    id: 'discourse',
    name: { en: 'Discourse trust levels', zh: 'Discourse 信任等级' },
    levels: [
      {
        id: 'tl1',
        name: { en: 'Basic', zh: '基础用户' },
        // min_trust_to_flag_posts, min_trust_to_send_messages, min_trust_to_edit_wiki_post default to 1; TL1 lifts
        // the new-user limits on images, links, attachments and mentions.
        privileges: ['flag_posts', 'send_messages', 'edit_wiki_posts', 'post_images_and_links'],
        requirements: [
          { kind: 'count', id: 'topics_entered', events: [E.topicViewed], min: s.tl1_requires_topics_entered },
          { kind: 'count', id: 'posts_read', events: [E.dayVisited], sum: 'posts_read', min: s.tl1_requires_read_posts },
          { kind: 'count', id: 'time_read_seconds', events: [E.dayVisited], sum: 'time_read', min: s.tl1_requires_time_spent_mins * 60 },
        ],
        // Discourse never takes TL1 or TL2 away automatically.
        demotion: { kind: 'never' },
      },
      {
        id: 'tl2',
        name: { en: 'Member', zh: '成员' },
        // min_trust_level_to_allow_invite and min_trust_level_to_allow_ignore default to 2.
        privileges: ['invite', 'ignore_users'],
        requirements: [
          { kind: 'count', id: 'topics_entered', events: [E.topicViewed], min: s.tl2_requires_topics_entered },
          { kind: 'count', id: 'posts_read', events: [E.dayVisited], sum: 'posts_read', min: s.tl2_requires_read_posts },
          { kind: 'count', id: 'time_read_seconds', events: [E.dayVisited], sum: 'time_read', min: s.tl2_requires_time_spent_mins * 60 },
          // user_stats.days_visited: every day visited.
          { kind: 'active_days', id: 'days_visited', events: [E.dayVisited], min: s.tl2_requires_days_visited },
          { kind: 'count', id: 'likes_received', events: [E.postLiked], role: 'target', min: s.tl2_requires_likes_received },
          { kind: 'count', id: 'likes_given', events: [E.postLiked], min: s.tl2_requires_likes_given },
          // UserStat#calc_topic_reply_count!: distinct topics replied to in other members' topics. Here: topics of
          // posts answering another member (a first post answers nobody).
          { kind: 'distinct', id: 'topic_reply_count', events: [E.postCreated], othersOnly: true, by: { kind: 'property', name: 'topic_id' }, min: s.tl2_requires_topic_reply_count },
        ],
        demotion: { kind: 'never' },
      },
      {
        id: 'tl3',
        name: { en: 'Regular', zh: '常客' },
        // min_trust_to_allow_self_wiki defaults to 3; tl3_links_no_follow defaults to false; TL3 may recategorize
        // and rename topics and enter the Lounge.
        privileges: ['self_wiki', 'recategorize_topics', 'rename_topics', 'followed_links', 'lounge_access'],
        requirements: [
          // Days visited with posts read (user_visits where posts_read > 0).
          { kind: 'active_days', id: 'days_visited', events: [E.dayVisited], sum: 'posts_read', windowDays: period, share: s.tl3_requires_days_visited / period },
          // Distinct topics with a reply (post_number > 1): posts answering another member, as for TL2.
          { kind: 'distinct', id: 'topics_replied_to', events: [E.postCreated], othersOnly: true, windowDays: period, by: { kind: 'property', name: 'topic_id' }, min: s.tl3_requires_topics_replied_to },
          {
            kind: 'count',
            id: 'topics_viewed',
            events: [E.topicViewed],
            windowDays: period,
            communityShare: { share: s.tl3_requires_topics_viewed / 100, of: [E.topicCreated], cap: s.tl3_requires_topics_viewed_cap },
          },
          {
            kind: 'count',
            id: 'posts_read',
            events: [E.dayVisited],
            sum: 'posts_read',
            windowDays: period,
            // Every post, first posts included, arrives as a post_created.
            communityShare: { share: s.tl3_requires_posts_read / 100, of: [E.postCreated], cap: s.tl3_requires_posts_read_cap },
          },
          { kind: 'count', id: 'topics_viewed_all_time', events: [E.topicViewed], min: s.tl3_requires_topics_viewed_all_time },
          { kind: 'count', id: 'posts_read_all_time', events: [E.dayVisited], sum: 'posts_read', min: s.tl3_requires_posts_read_all_time },
          { kind: 'distinct', id: 'flagged_posts', events: [E.postFlagAgreed], role: 'target', othersOnly: true, windowDays: period, by: { kind: 'property', name: 'post_id' }, max: s.tl3_requires_max_flagged },
          { kind: 'distinct', id: 'flagged_by_users', events: [E.postFlagAgreed], role: 'target', othersOnly: true, windowDays: period, by: { kind: 'counterpart' }, max: s.tl3_requires_max_flagged },
          { kind: 'count', id: 'likes_given', events: [E.postLiked], windowDays: period, min: s.tl3_requires_likes_given },
          { kind: 'count', id: 'likes_received', events: [E.postLiked], role: 'target', windowDays: period, min: s.tl3_requires_likes_received },
          // min_likes_received_days: min(ceil(likes / 3), ceil(0.75 × period)); min_likes_received_users: ceil(likes / 4).
          {
            kind: 'active_days',
            id: 'likes_received_days',
            events: [E.postLiked],
            role: 'target',
            windowDays: period,
            min: Math.min(Math.ceil(s.tl3_requires_likes_received / 3), Math.ceil(0.75 * period)),
          },
          {
            kind: 'distinct',
            id: 'likes_received_users',
            events: [E.postLiked],
            role: 'target',
            windowDays: period,
            by: { kind: 'counterpart' },
            min: Math.max(1, Math.ceil(s.tl3_requires_likes_received / 4)),
          },
        ],
        demotion: { kind: 'hysteresis', keepShare: DISCOURSE_LOW_WATER_MARK, graceDays: s.tl3_promotion_min_duration },
      },
    ],
  });
}

/** Discourse TL1–TL3 with the default settings. */
export const discourseLevels: LevelLadder = discourseLevelLadder();
