/**
 * The default scores of Discourse's discourse-gamification plugin as a points rule set. Values: the plugin's
 * config/settings.yml (github.com/discourse/discourse-gamification, read at commit 0152ed46): like received 1, like
 * given 1, solution 10, user invited 10, time read 1, post read 1, topic created 5, post created 2, flag created 10,
 * day visited 1. What each counts follows the plugin's scorables (lib/scorables/*.rb there): time read is 1 per full
 * minute of a day's reading time (`time_read / 60`, days with at least 60 s), post read 1 per 5 posts read that day,
 * invites score per redemption, flags only when staff agreed (reviewable status approved, to the flagger), post created counts every
 * post including a topic's first one, and wiki posts and private messages do not score. Later plugin versions add
 * reactions and chat (1 point each); they are not in the stored settings we could check, so they are left out.
 *
 * The plugin recomputes scores from the current tables, so deleted posts and removed likes stop counting; here that
 * is the reversal rules. Days are UTC, as the plugin's `date_trunc('day', …)` on the database's UTC timestamps.
 * The events (names and properties) are the ones README.md in src/gamification/points lists for a Discourse source.
 */
import { pointsRuleSet, type PointsRuleSet } from '../../points/rules.ts';

const publicPost = [
  { path: 'wiki', op: 'ne', value: true },
  { path: 'private_message', op: 'ne', value: true },
] as const;

export const discoursePoints: PointsRuleSet = pointsRuleSet.parse({
  timeZone: 'UTC',
  rules: [
    {
      id: 'like_received',
      name: { en: 'Like received', zh: '获得点赞' },
      category: 'likes',
      when: { event: 'post_liked', where: [{ path: 'private_message', op: 'ne', value: true }] },
      points: 1,
      to: 'target',
      ref: 'post_id',
    },
    {
      id: 'like_given',
      name: { en: 'Like given', zh: '点赞他人' },
      category: 'likes',
      when: { event: 'post_liked', where: [{ path: 'private_message', op: 'ne', value: true }] },
      points: 1,
      to: 'actor',
      ref: 'post_id',
    },
    {
      id: 'solution',
      name: { en: 'Solution accepted', zh: '回复被采纳为解决方案' },
      category: 'solutions',
      when: { event: 'solution_accepted' },
      points: 10,
      to: 'target',
      ref: 'post_id',
    },
    {
      id: 'user_invited',
      name: { en: 'Invited a member', zh: '邀请成员' },
      when: { event: 'invite_accepted' },
      points: 10,
      to: 'target',
      ref: 'invite_code',
    },
    {
      id: 'time_read',
      name: { en: 'Time spent reading', zh: '阅读时长' },
      category: 'reading',
      when: { event: 'day_visited', where: [{ path: 'time_read', op: 'gte', value: 60 }] },
      points: { property: 'time_read', factor: 1 / 60, round: 'floor' },
      to: 'actor',
    },
    {
      id: 'post_read',
      name: { en: 'Posts read', zh: '阅读帖子' },
      category: 'reading',
      when: { event: 'day_visited', where: [{ path: 'posts_read', op: 'gte', value: 5 }] },
      points: { property: 'posts_read', factor: 1 / 5, round: 'floor' },
      to: 'actor',
    },
    {
      id: 'topic_created',
      name: { en: 'Topic created', zh: '发起话题' },
      category: 'posting',
      when: { event: 'topic_created', where: [...publicPost] },
      points: 5,
      to: 'actor',
      ref: 'topic_id',
    },
    {
      id: 'post_created',
      name: { en: 'Post created', zh: '发表帖子' },
      category: 'posting',
      when: { event: 'post_created', where: [...publicPost] },
      points: 2,
      to: 'actor',
      ref: 'post_id',
    },
    {
      id: 'flag_created',
      name: { en: 'Flag agreed', zh: '举报被确认' },
      // The flagger is the actor (the flagged post's author is the target; the trust levels read the same event).
      when: { event: 'post_flag_agreed' },
      points: 10,
      to: 'actor',
      ref: 'post_id',
    },
    {
      id: 'day_visited',
      name: { en: 'Day visited', zh: '每日访问' },
      category: 'reading',
      when: { event: 'day_visited' },
      points: 1,
      to: 'actor',
      // One per day, as the plugin counts rows of user_visits (one per member and day).
      caps: { perDay: 1 },
    },
    {
      id: 'like_removed',
      name: { en: 'Like withdrawn', zh: '点赞被撤回' },
      when: { event: 'post_unliked' },
      to: 'target',
      reverses: { rules: ['like_received'], item: 'like_id' },
    },
    {
      id: 'like_withdrawn',
      name: { en: 'Withdrew a like', zh: '撤回点赞' },
      when: { event: 'post_unliked' },
      to: 'actor',
      reverses: { rules: ['like_given'], item: 'like_id' },
    },
    {
      id: 'post_deleted',
      name: { en: 'Post deleted', zh: '帖子被删除' },
      when: { event: 'post_deleted' },
      // The author: the target when someone else deleted the post, the actor when they deleted it themselves.
      to: 'target_or_actor',
      reverses: { rules: ['post_created', 'like_received', 'solution'] },
    },
    {
      id: 'topic_deleted',
      name: { en: 'Topic deleted', zh: '话题被删除' },
      when: { event: 'topic_deleted' },
      to: 'target_or_actor',
      reverses: { rules: ['topic_created'] },
    },
  ],
});
