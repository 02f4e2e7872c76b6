/**
 * Levels of a Chinese creator community (新手 → 活跃作者 → 优质作者 → 核心创作者) on the demo's events: points from the
 * workspace's rules plus recent creation and the response it gets. The upper levels are about current activity, so
 * they are kept with TL3-style hysteresis (90%) and a grace period, not for ever; revenue share and moderation are
 * privileges of the levels a creator must keep earning.
 */
import { levelLadder, type LevelLadder } from '../../levels/ladder.ts';

/** The demo events the ladder reads (src/demo/README.md: likes and comments target the post's author). */
const POST = 'post_created';
const COMMENT = 'comment_created';
const LIKE = 'post_liked';
const CHECK_IN = 'check_in';
const INVITE_ACCEPTED = 'invite_accepted';

export const creatorZhLevels: LevelLadder = levelLadder.parse({
  id: 'creator-zh',
  name: { en: 'Creator levels', zh: '创作者等级' },
  levels: [
    {
      id: 'newcomer',
      name: { en: 'Newcomer', zh: '新手' },
      description: { en: 'Every member starts here.', zh: '所有成员的起点。' },
      privileges: ['post', 'comment', 'like'],
    },
    {
      id: 'active_author',
      name: { en: 'Active author', zh: '活跃作者' },
      description: { en: 'Posts regularly: at least 2 posts and 4 active days in the last 30 days.', zh: '近 30 天至少发帖 2 篇、活跃 4 天。' },
      privileges: ['publish_column'],
      requirements: [
        { kind: 'points', min: 50 },
        { kind: 'count', id: 'posts_30d', name: { en: 'Posts, last 30 days', zh: '近 30 天发帖' }, events: [POST], windowDays: 30, min: 2 },
        { kind: 'active_days', id: 'active_days_30d', name: { en: 'Active days, last 30 days', zh: '近 30 天活跃天数' }, events: [POST, COMMENT, CHECK_IN], windowDays: 30, min: 4 },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 14 },
    },
    {
      id: 'quality_author',
      name: { en: 'Quality author', zh: '优质作者' },
      description: { en: 'Liked by many readers in the last 90 days; shares in creator revenue.', zh: '近 90 天内容获得众多读者点赞；参与创作者收益分成。' },
      privileges: ['revenue_share', 'apply_featured'],
      requirements: [
        { kind: 'points', min: 250 },
        { kind: 'count', id: 'posts_90d', name: { en: 'Posts, last 90 days', zh: '近 90 天发帖' }, events: [POST], windowDays: 90, min: 6 },
        { kind: 'count', id: 'likes_received_90d', name: { en: 'Likes received, last 90 days', zh: '近 90 天获赞' }, events: [LIKE], role: 'target', othersOnly: true, windowDays: 90, min: 30 },
        {
          kind: 'distinct',
          id: 'likers_90d',
          name: { en: 'Members who liked your posts, last 90 days', zh: '近 90 天点赞你的成员数' },
          events: [LIKE],
          role: 'target',
          othersOnly: true,
          by: { kind: 'counterpart' },
          windowDays: 90,
          min: 10,
        },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 30 },
    },
    {
      id: 'core_creator',
      name: { en: 'Core creator', zh: '核心创作者' },
      description: { en: 'A pillar of the community: frequent, widely read, and brings members in.', zh: '社区中坚：高频创作、广受关注，并带来新成员。' },
      privileges: ['moderate', 'pin_posts'],
      requirements: [
        { kind: 'points', min: 800 },
        { kind: 'count', id: 'posts_90d', name: { en: 'Posts, last 90 days', zh: '近 90 天发帖' }, events: [POST], windowDays: 90, min: 15 },
        { kind: 'count', id: 'likes_received_90d', name: { en: 'Likes received, last 90 days', zh: '近 90 天获赞' }, events: [LIKE], role: 'target', othersOnly: true, windowDays: 90, min: 80 },
        { kind: 'count', id: 'comments_received_90d', name: { en: 'Comments received, last 90 days', zh: '近 90 天收到评论' }, events: [COMMENT], role: 'target', othersOnly: true, windowDays: 90, min: 40 },
        { kind: 'active_days', id: 'active_days_90d', name: { en: 'Active days, last 90 days', zh: '近 90 天活跃天数' }, events: [POST, COMMENT, CHECK_IN], windowDays: 90, share: 0.4 },
        { kind: 'count', id: 'invites_accepted', name: { en: 'Invitations accepted', zh: '成功邀请' }, events: [INVITE_ACCEPTED], role: 'target', min: 1 },
      ],
      demotion: { kind: 'hysteresis', keepShare: 0.9, graceDays: 30 },
    },
  ],
});
