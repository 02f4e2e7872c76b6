/**
 * Stack Exchange's non-tag badges that the public data dump lets us observe, as badge definitions over the events
 * of the Stack Exchange importer (docs/importers/stackexchange.md). Thresholds and wording follow the public
 * definitions at https://stackoverflow.com/help/badges (each badge's own page); nothing is fitted to a site's data.
 *
 * What the dump gives and how it is used:
 * - A post's score is rebuilt from its votes over time (post_upvoted +1, post_downvoted −1 on the same post_id).
 *   Votes are dated to the day (00:00 UTC), so the votes of a post's first day come before the post itself; the
 *   engine keeps them on the item and grants when the post event arrives, on the same day.
 * - Only votes that still stand are in the dump, so a badge earned with votes later withdrawn is not reproduced.
 * - Self-answers: the importer leaves out an answer's target when the answerer asked the question, so Self-Learner
 *   compares the answer's owner with the question's owner kept on the question's item (`parent.sameOwner`).
 * - Editor needs PostHistory.xml (post_edited); dumps without it never grant it.
 * - The `badge_awarded` events imported from Badges.xml are Stack Exchange's own result and are not an input here.
 */
import { parseBadgeDefinitions } from '../../badges/parse.ts';
import type { BadgeDefinition, BadgeDefinitionInput, MetricInput } from '../../badges/criteria.ts';

const SCORE: MetricInput = {
  kind: 'sum',
  events: [
    { event: 'post_upvoted', delta: 1 },
    { event: 'post_downvoted', delta: -1 },
  ],
};
const QUESTION = { key: 'post_id', events: ['question_posted'] };
const ANSWER = { key: 'post_id', events: ['answer_posted'] };
const THE_QUESTION = { key: 'parent_id', events: ['question_posted'] };

/**
 * The dump has only each question's final view count, on question_posted itself; no event says when a count was
 * crossed. The view badges are therefore dated at the question's posting, the only time the engine sees the count:
 * the earliest date the data allows, and usually earlier than Stack Exchange's (which follows the views). A source
 * that sends view counts over time (the `latest` metric reads any later event with `view_count` listed in
 * `events`) gets the crossing day.
 */
const VIEWS: MetricInput = { kind: 'latest', property: 'view_count' };

const questionScore = (id: string, name: string, zh: string, cls: 'bronze' | 'silver' | 'gold', n: number): BadgeDefinitionInput => ({
  id,
  name: { en: name, zh },
  description: { en: `Question score of ${n} or more.`, zh: `提问得分达到 ${n} 或以上。` },
  class: cls,
  multiple: true,
  category: 'question',
  criterion: { kind: 'content', item: QUESTION, metric: SCORE, atLeast: n },
});

const answerScore = (id: string, name: string, zh: string, cls: 'bronze' | 'silver' | 'gold', n: number): BadgeDefinitionInput => ({
  id,
  name: { en: name, zh },
  description: { en: `Answer score of ${n} or more.`, zh: `回答得分达到 ${n} 或以上。` },
  class: cls,
  multiple: true,
  category: 'answer',
  criterion: { kind: 'content', item: ANSWER, metric: SCORE, atLeast: n },
});

const questionViews = (id: string, name: string, zh: string, cls: 'bronze' | 'silver' | 'gold', n: number): BadgeDefinitionInput => ({
  id,
  name: { en: name, zh },
  description: { en: `Asked a question with ${n.toLocaleString('en')} views.`, zh: `提问浏览量达到 ${n}。` },
  class: cls,
  multiple: true,
  category: 'question',
  criterion: { kind: 'content', item: QUESTION, metric: VIEWS, atLeast: n },
});

const DEFINITIONS: BadgeDefinitionInput[] = [
  {
    id: 'student',
    name: { en: 'Student', zh: '学生' },
    description: { en: 'Asked first question with score of 1 or more.', zh: '首个得分达到 1 的提问。' },
    class: 'bronze',
    category: 'question',
    criterion: { kind: 'content', item: QUESTION, metric: SCORE, atLeast: 1 },
  },
  {
    id: 'teacher',
    name: { en: 'Teacher', zh: '老师' },
    description: { en: 'Answered first question with score of 1 or more.', zh: '首个得分达到 1 的回答。' },
    class: 'bronze',
    category: 'answer',
    criterion: { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 1 },
  },
  {
    id: 'scholar',
    name: { en: 'Scholar', zh: '学者' },
    description: { en: 'Asked a question and accepted an answer.', zh: '提问并采纳了一个回答。' },
    class: 'bronze',
    category: 'question',
    criterion: { kind: 'first', events: ['answer_accepted'], role: 'actor' },
  },
  questionScore('nice-question', 'Nice Question', '好问题', 'bronze', 10),
  questionScore('good-question', 'Good Question', '优秀问题', 'silver', 25),
  questionScore('great-question', 'Great Question', '杰出问题', 'gold', 100),
  answerScore('nice-answer', 'Nice Answer', '好回答', 'bronze', 10),
  answerScore('good-answer', 'Good Answer', '优秀回答', 'silver', 25),
  answerScore('great-answer', 'Great Answer', '杰出回答', 'gold', 100),
  {
    // Granted once per member, as Stack Exchange grants it: in the dump, members with several self-answers scoring
    // 3 or more hold it once (Nice Answer and the like, by contrast, are held several times).
    id: 'self-learner',
    name: { en: 'Self-Learner', zh: '自学者' },
    description: { en: 'Answered your own question with score of 3 or more.', zh: '回答自己的问题且得分达到 3。' },
    class: 'bronze',
    category: 'answer',
    criterion: { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 3, parent: { ...THE_QUESTION, sameOwner: true } },
  },
  {
    id: 'enlightened',
    name: { en: 'Enlightened', zh: '开悟' },
    description: { en: 'First to answer and accepted with score of 10 or more.', zh: '最先回答、被采纳且得分达到 10。' },
    class: 'silver',
    multiple: true,
    category: 'answer',
    criterion: { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 10, requires: ['answer_accepted'], parent: { ...THE_QUESTION, firstChild: true } },
  },
  {
    id: 'guru',
    name: { en: 'Guru', zh: '大师' },
    description: { en: 'Accepted answer and score of 40 or more.', zh: '回答被采纳且得分达到 40。' },
    class: 'silver',
    multiple: true,
    category: 'answer',
    criterion: { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 40, requires: ['answer_accepted'] },
  },
  {
    id: 'necromancer',
    name: { en: 'Necromancer', zh: '起死回生' },
    description: { en: 'Answered a question more than 60 days later with score of 5 or more.', zh: '在提问 60 天后作答且得分达到 5。' },
    class: 'silver',
    multiple: true,
    category: 'answer',
    criterion: { kind: 'content', item: ANSWER, metric: SCORE, atLeast: 5, parent: { ...THE_QUESTION, afterDays: 60 } },
  },
  questionViews('popular-question', 'Popular Question', '热门问题', 'bronze', 1_000),
  questionViews('notable-question', 'Notable Question', '知名问题', 'silver', 2_500),
  questionViews('famous-question', 'Famous Question', '著名问题', 'gold', 10_000),
  {
    id: 'autobiographer',
    name: { en: 'Autobiographer', zh: '自传作者' },
    description: { en: 'Completed "About Me" section of user profile.', zh: '填写了个人资料中的“关于我”。' },
    class: 'bronze',
    category: 'participation',
    // The dump gives the profile as of the dump date on an identify event dated at sign-up, so the award is dated at
    // sign-up: right for the many who write it on their first day, early for the others.
    criterion: { kind: 'first', events: ['$identify'], where: [{ property: 'about_me', op: 'has_text' }] },
  },
  {
    id: 'commentator',
    name: { en: 'Commentator', zh: '评论员' },
    description: { en: 'Left 10 comments.', zh: '发表了 10 条评论。' },
    class: 'bronze',
    category: 'participation',
    criterion: { kind: 'count', events: ['comment_posted'], n: 10 },
  },
  {
    id: 'editor',
    name: { en: 'Editor', zh: '编辑' },
    description: { en: 'First edit.', zh: '首次编辑。' },
    class: 'bronze',
    category: 'moderation',
    criterion: { kind: 'first', events: ['post_edited'] },
  },
];

export const STACK_EXCHANGE_BADGES: BadgeDefinition[] = parseBadgeDefinitions(DEFINITIONS, 'stackexchange.badges');
