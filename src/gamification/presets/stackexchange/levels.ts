/**
 * Stack Exchange privileges as a ladder on reputation (the points balance of the Stack Exchange points preset): one
 * level per distinct threshold, granting the privileges of that threshold. Thresholds from
 * https://stackoverflow.com/help/privileges ("full" sites) and the per-stage table of meta.stackexchange.com/a/160292
 * (public beta and smaller sites, e.g. the cardano dump's site). Privileges follow reputation down as well as up:
 * Stack Exchange holds members to the threshold at all times (meta.stackoverflow.com/q/139432); `demote: false`
 * keeps earned levels instead.
 */
import { levelLadder, type LevelLadder } from '../../levels/ladder.ts';

export interface StackExchangePrivilege {
  id: string;
  name: { en: string; zh: string };
  /** Reputation needed on "full" sites and on beta sites (undefined: the privilege does not exist there). */
  full: number | undefined;
  beta: number | undefined;
}

const P = (id: string, en: string, zh: string, full: number | undefined, beta: number | undefined): StackExchangePrivilege => ({ id, name: { en, zh }, full, beta });

export const STACK_EXCHANGE_PRIVILEGES: readonly StackExchangePrivilege[] = [
  P('create_posts', 'Create posts', '发帖', 1, 1),
  P('participate_in_meta', 'Participate in meta', '参与 Meta 讨论', 5, 5),
  P('create_wiki_posts', 'Create wiki posts', '创建社区维基帖', 10, 10),
  P('remove_new_user_restrictions', 'Remove new user restrictions', '解除新用户限制', 10, 10),
  P('vote_up', 'Vote up', '投赞成票', 15, 15),
  P('flag_posts', 'Flag posts', '举报帖子', 15, 15),
  P('talk_in_chat', 'Talk in chat', '在聊天室发言', 20, 20),
  P('comment_everywhere', 'Comment everywhere', '随处评论', 50, 50),
  P('set_bounties', 'Set bounties', '设置悬赏', 75, 75),
  P('edit_community_wiki', 'Edit community wiki', '编辑社区维基', 100, 100),
  P('create_chat_rooms', 'Create chat rooms', '创建聊天室', 100, 100),
  P('vote_down', 'Vote down', '投反对票', 125, 125),
  P('reduce_ads', 'Reduce ads', '减少广告', 200, undefined),
  P('view_close_votes', 'View close votes', '查看关闭投票', 250, 250),
  P('access_review_queues', 'Access review queues', '进入审核队列', 500, 350),
  P('established_user', 'Established user', '资深用户', 1000, 750),
  P('create_gallery_chat_rooms', 'Create gallery chat rooms', '创建展示型聊天室', 1000, undefined),
  P('create_tags', 'Create tags', '创建标签', 1500, 150),
  P('edit_questions_and_answers', 'Edit questions and answers', '直接编辑问答', 2000, 1000),
  P('create_tag_synonyms', 'Create tag synonyms', '创建标签同义词', 2500, 1250),
  P('cast_close_and_reopen_votes', 'Cast close and reopen votes', '投票关闭与重开', 3000, 500),
  P('approve_tag_wiki_edits', 'Approve tag wiki edits', '批准标签维基编辑', 5000, 1500),
  P('access_to_moderator_tools', 'Access to moderator tools', '使用版主工具', 10000, 2000),
  P('protect_questions', 'Protect questions', '保护问题', 15000, 3500),
  P('trusted_user', 'Trusted user', '受信用户', 20000, 4000),
  P('access_to_site_analytics', 'Access to site analytics', '查看站点分析', 25000, 5000),
];

export interface StackExchangeLevelOptions {
  /** Which threshold set: Stack Overflow and large sites ("full", default) or public beta and smaller sites. */
  thresholds?: 'full' | 'beta';
  /** Lose privileges when reputation falls below their threshold (Stack Exchange's behaviour, default true). */
  demote?: boolean;
}

export function stackExchangeLevelLadder(opts: StackExchangeLevelOptions = {}): LevelLadder {
  const which = opts.thresholds ?? 'full';
  const byThreshold = new Map<number, StackExchangePrivilege[]>();
  for (const p of STACK_EXCHANGE_PRIVILEGES) {
    const rep = p[which];
    if (rep === undefined) continue;
    byThreshold.set(rep, [...(byThreshold.get(rep) ?? []), p]);
  }
  const levels = [...byThreshold.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([rep, privileges]) => ({
      id: `rep_${rep}`,
      name: { en: `${rep} reputation: ${privileges.map((p) => p.name.en).join(', ')}`, zh: `声望 ${rep}：${privileges.map((p) => p.name.zh).join('、')}` },
      privileges: privileges.map((p) => p.id),
      requirements: [{ kind: 'points' as const, id: 'reputation', min: rep }],
      demotion: opts.demote === false ? { kind: 'never' as const } : { kind: 'immediate' as const },
    }));
  return levelLadder.parse({ id: which === 'full' ? 'stackexchange' : 'stackexchange-beta', name: { en: 'Stack Exchange privileges', zh: 'Stack Exchange 特权' }, levels });
}

/** The Stack Overflow thresholds, demoting as reputation falls. */
export const stackExchangeLevels: LevelLadder = stackExchangeLevelLadder();
