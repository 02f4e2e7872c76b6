/**
 * Badges for a Chinese creator community, over the events the demo generator emits (src/demo/README.md):
 * post_created, comment_created, post_liked (target = the author), check_in, invite_sent, invite_accepted
 * (target = the inviter) and purchase. Streaks and windows follow the engine's time zone (the workspace's, by
 * default Asia/Shanghai), which is the day a check-in belongs to.
 */
import { parseBadgeDefinitions } from '../../badges/parse.ts';
import type { BadgeDefinition, BadgeDefinitionInput, MetricInput } from '../../badges/criteria.ts';

const LIKES: MetricInput = { kind: 'sum', events: [{ event: 'post_liked' }] };
const POST = { key: 'post_id', events: ['post_created'] };

const DEFINITIONS: BadgeDefinitionInput[] = [
  {
    id: 'first-post',
    name: { zh: '初来乍到', en: 'First Post' },
    description: { zh: '发布第一篇帖子。', en: 'Published a first post.' },
    class: 'bronze',
    category: 'content',
    criterion: { kind: 'first', events: ['post_created'] },
  },
  {
    id: 'prolific-writer',
    name: { zh: '笔耕不辍', en: 'Prolific Writer' },
    description: { zh: '累计发布 50 篇帖子。', en: 'Published 50 posts.' },
    class: 'silver',
    category: 'content',
    criterion: { kind: 'count', events: ['post_created'], n: 50 },
  },
  {
    id: 'master-writer',
    name: { zh: '著作等身', en: 'Master Writer' },
    description: { zh: '累计发布 200 篇帖子。', en: 'Published 200 posts.' },
    class: 'gold',
    category: 'content',
    criterion: { kind: 'count', events: ['post_created'], n: 200 },
  },
  {
    id: 'first-like',
    name: { zh: '初获点赞', en: 'First Like' },
    description: { zh: '帖子第一次获得点赞。', en: 'Received a first like on a post.' },
    class: 'bronze',
    category: 'content',
    criterion: { kind: 'first', events: ['post_liked'], role: 'target' },
  },
  {
    id: 'liked-post',
    name: { zh: '小有人气', en: 'Liked Post' },
    description: { zh: '一篇帖子获得 10 个赞（每篇帖子各得一次）。', en: 'A post reached 10 likes (once per post).' },
    class: 'bronze',
    multiple: true,
    category: 'content',
    criterion: { kind: 'content', item: POST, metric: LIKES, atLeast: 10 },
  },
  {
    id: 'popular-author',
    name: { zh: '人气作者', en: 'Popular Author' },
    description: { zh: '一篇帖子获得 100 个赞。', en: 'A post reached 100 likes.' },
    class: 'gold',
    category: 'content',
    criterion: { kind: 'content', item: POST, metric: LIKES, atLeast: 100 },
  },
  {
    id: 'commentator',
    name: { zh: '热心评论', en: 'Commentator' },
    description: { zh: '累计发表 20 条评论。', en: 'Left 20 comments.' },
    class: 'bronze',
    category: 'engagement',
    criterion: { kind: 'count', events: ['comment_created'], n: 20 },
  },
  {
    id: 'lively-week',
    name: { zh: '妙语连珠', en: 'Lively Week' },
    description: { zh: '7 天内发表 30 条评论。', en: 'Left 30 comments within 7 days.' },
    class: 'silver',
    category: 'engagement',
    criterion: { kind: 'count', events: ['comment_created'], n: 30, withinDays: 7 },
  },
  {
    id: 'check-in-7',
    name: { zh: '连续签到 7 天', en: '7-Day Check-in Streak' },
    description: { zh: '连续 7 天签到（每段连续签到各得一次）。', en: 'Checked in 7 days in a row (once per streak).' },
    class: 'bronze',
    multiple: true,
    category: 'check-in',
    criterion: { kind: 'streak', events: ['check_in'], days: 7 },
  },
  {
    id: 'check-in-30',
    name: { zh: '连续签到 30 天', en: '30-Day Check-in Streak' },
    description: { zh: '连续 30 天签到。', en: 'Checked in 30 days in a row.' },
    class: 'silver',
    category: 'check-in',
    criterion: { kind: 'streak', events: ['check_in'], days: 30 },
  },
  {
    id: 'check-in-100',
    name: { zh: '百日坚持', en: '100-Day Check-in Streak' },
    description: { zh: '连续 100 天签到。', en: 'Checked in 100 days in a row.' },
    class: 'gold',
    category: 'check-in',
    criterion: { kind: 'streak', events: ['check_in'], days: 100 },
  },
  {
    id: 'first-invite',
    name: { zh: '引荐新人', en: 'Recruiter' },
    description: { zh: '第一位受邀好友加入社区。', en: 'A first invited friend joined.' },
    class: 'bronze',
    category: 'growth',
    criterion: { kind: 'accepted', events: ['invite_accepted'], n: 1 },
  },
  {
    id: 'invite-master',
    name: { zh: '邀请达人', en: 'Invitation Master' },
    description: { zh: '累计 10 位受邀好友加入社区。', en: '10 invited friends joined.' },
    class: 'silver',
    category: 'growth',
    criterion: { kind: 'accepted', events: ['invite_accepted'], n: 10 },
  },
  {
    id: 'first-purchase',
    name: { zh: '首次购买', en: 'First Purchase' },
    description: { zh: '完成第一笔订单。', en: 'Placed a first order.' },
    class: 'bronze',
    category: 'commerce',
    criterion: { kind: 'first', events: ['purchase'] },
  },
];

export const CREATOR_ZH_BADGES: BadgeDefinition[] = parseBadgeDefinitions(DEFINITIONS, 'creator-zh.badges');
