/**
 * Stack Exchange reputation as a points rule set over the events of the Stack Exchange importer
 * (docs/importers/stackexchange.md). Values are the public rules: https://stackoverflow.com/help/whats-reputation,
 * the question-upvote change of 2019-11-13 (+5 → +10), and the suggested-edit and bounty rules of the same page.
 *
 * What the dump does not let us reproduce, so these rules do not try:
 * - the +100 association bonus (granted across sites, not in a site's dump);
 * - the voter's −1 for downvoting an answer, and the +2 of an approved suggested edit: public dumps hide voters and
 *   editors, so these events have no actor and award nothing (the rules are still here for sources that show them);
 * - reputation from posts deleted before the dump (their votes target `se-unknown-owner`) and from spam/offensive
 *   deletions (PostHistory), and undeletions. No reversal rule is set: a post_deleted reversal without the matching
 *   restore on post_undeleted would move balances further from Stack Exchange's, not closer.
 * Community wiki posts earn nothing: the posts' `community_owned` is remembered as the fact `@post`, which the vote
 * events name by `post_id`. (Votes carry day-precision dates, so a vote on the day a post was created sorts before
 * the post and cannot see the fact yet: a handful of votes on posts created as wiki still count.)
 */
import { pointsRuleSet, type PointsRuleSet } from '../../points/rules.ts';

const notWiki = { path: '@post.community_owned', op: 'ne', value: true } as const;
const onQuestion = { path: 'post_type', op: 'eq', value: 'question' } as const;
const onAnswer = { path: 'post_type', op: 'eq', value: 'answer' } as const;

export const stackExchangePoints: PointsRuleSet = pointsRuleSet.parse({
  // Stack Exchange counts reputation days in UTC, whatever the workspace's zone.
  timeZone: 'UTC',
  startingBalance: 1,
  floor: 1,
  facts: [{ id: 'post', events: ['question_posted', 'answer_posted'], key: 'post_id', keep: ['community_owned'] }],
  dailyCap: { points: 200, exempt: ['answer_accepted', 'accepted_an_answer', 'bounty_offered', 'bounty_awarded'] },
  rules: [
    {
      id: 'answer_upvoted',
      name: { en: 'Answer upvoted', zh: '回答被赞' },
      category: 'answers',
      when: { event: 'post_upvoted', where: [onAnswer, notWiki] },
      points: 10,
      to: 'target',
      ref: 'post_id',
    },
    {
      id: 'question_upvoted_5',
      name: { en: 'Question upvoted (before 2019-11-13)', zh: '提问被赞（2019-11-13 之前）' },
      category: 'questions',
      when: { event: 'post_upvoted', where: [onQuestion, notWiki] },
      points: 5,
      to: 'target',
      effective: { until: '2019-11-12' },
      ref: 'post_id',
    },
    {
      id: 'question_upvoted',
      name: { en: 'Question upvoted', zh: '提问被赞' },
      category: 'questions',
      when: { event: 'post_upvoted', where: [onQuestion, notWiki] },
      points: 10,
      to: 'target',
      // A new version of the +5 rule from its date; marked retroactive, it would pay +10 for older votes too.
      effective: { from: '2019-11-13', replaces: 'question_upvoted_5' },
      ref: 'post_id',
    },
    {
      id: 'post_downvoted',
      name: { en: 'Question or answer downvoted', zh: '帖子被踩' },
      when: { event: 'post_downvoted', where: [{ path: 'post_type', op: 'in', value: ['question', 'answer'] }, notWiki] },
      points: -2,
      to: 'target',
      ref: 'post_id',
    },
    {
      id: 'downvoted_an_answer',
      name: { en: 'Downvoted an answer', zh: '对回答投反对票' },
      when: { event: 'post_downvoted', where: [onAnswer, notWiki] },
      points: -1,
      // The voter, when the source shows them (public dumps do not).
      to: 'actor',
      ref: 'post_id',
    },
    {
      id: 'answer_accepted',
      name: { en: 'Answer accepted', zh: '回答被采纳' },
      category: 'answers',
      when: { event: 'answer_accepted', where: [notWiki] },
      points: 15,
      // Self-accepts have no target (the importer leaves out a target equal to the actor): nothing for them.
      to: 'target',
      ref: 'post_id',
    },
    {
      id: 'accepted_an_answer',
      name: { en: 'Accepted an answer', zh: '采纳回答' },
      category: 'questions',
      when: { event: 'answer_accepted', where: [{ path: '$target', op: 'exists' }] },
      points: 2,
      to: 'actor',
      ref: 'post_id',
    },
    {
      id: 'bounty_offered',
      name: { en: 'Bounty offered', zh: '发起悬赏' },
      category: 'bounties',
      when: { event: 'bounty_started' },
      points: { property: 'bounty_amount', factor: -1 },
      to: 'actor',
      ref: 'post_id',
    },
    {
      id: 'bounty_awarded',
      name: { en: 'Bounty awarded', zh: '获得悬赏' },
      category: 'bounties',
      // An unawarded bounty closes without bounty_amount, and a points property that is absent awards nothing.
      when: { event: 'bounty_closed' },
      points: { property: 'bounty_amount' },
      to: 'target',
      ref: 'post_id',
    },
    {
      id: 'suggested_edit_approved',
      name: { en: 'Suggested edit approved', zh: '编辑建议被采纳' },
      category: 'edits',
      when: { event: 'suggested_edit_approved' },
      points: 2,
      // The editor, who is the actor when the source shows them (public dumps do not).
      to: 'actor',
      caps: { lifetime: 1000 },
      ref: 'post_id',
    },
  ],
});
