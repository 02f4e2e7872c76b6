/**
 * Points of a Chinese creator community (发帖、评论、被点赞、签到、邀请) on the demo generator's events
 * (src/demo/README.md): `post_created` and `comment_created` by the actor, `post_liked` with the post's author as
 * target, `check_in` once per Asia/Shanghai day, `invite_accepted` by the invitee with the inviter as target.
 *
 * The values follow the usual shape of such programmes: creating earns most, receiving likes rewards quality, a
 * check-in is a small daily habit, and each rule has a daily cap so posting or commenting in bulk does not pay
 * (at most 5 posts, 10 comments and 50 likes a day count). A daily cap of 60 across rules bounds a very busy day
 * below the sum of those (97); an accepted invitation is exempt from it (it is rare and brings a member) but capped
 * at ten a week. Days follow the workspace's zone (Asia/Shanghai by default). Deleting a post takes
 * back what it earned its author (the post and the likes on it), a common rule (删帖扣回积分); the demo does not
 * delete posts, a live community does.
 */
import { pointsRuleSet, type PointsRuleSet } from '../../points/rules.ts';

export const creatorZhPoints: PointsRuleSet = pointsRuleSet.parse({
  floor: 0,
  dailyCap: { points: 60, exempt: ['invite_accepted'] },
  rules: [
    {
      id: 'post_created',
      name: { en: 'Published a post', zh: '发帖' },
      category: 'creation',
      when: { event: 'post_created' },
      points: 5,
      to: 'actor',
      caps: { perDay: 25 },
      ref: 'post_id',
    },
    {
      id: 'comment_created',
      name: { en: 'Commented', zh: '评论' },
      category: 'interaction',
      when: { event: 'comment_created' },
      points: 2,
      to: 'actor',
      caps: { perDay: 20 },
      ref: 'comment_id',
    },
    {
      id: 'post_liked',
      name: { en: 'Post liked', zh: '被点赞' },
      category: 'creation',
      when: { event: 'post_liked' },
      points: 1,
      to: 'target',
      caps: { perDay: 50 },
      ref: 'post_id',
    },
    {
      id: 'check_in',
      name: { en: 'Daily check-in', zh: '签到' },
      category: 'activity',
      when: { event: 'check_in' },
      points: 2,
      to: 'actor',
      // Once per day: the day's cap is one check-in's points.
      caps: { perDay: 2 },
    },
    {
      id: 'invite_accepted',
      name: { en: 'Invited a member', zh: '邀请好友' },
      category: 'growth',
      when: { event: 'invite_accepted' },
      points: 20,
      to: 'target',
      caps: { perWeek: 200 },
      ref: 'invite_code',
    },
    {
      id: 'post_deleted',
      name: { en: 'Post deleted', zh: '删帖扣回' },
      when: { event: 'post_deleted' },
      // The author: the target when a moderator deleted the post, the actor when they deleted it themselves.
      to: 'target_or_actor',
      reverses: { rules: ['post_created', 'post_liked'] },
    },
  ],
});
