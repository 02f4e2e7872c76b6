/**
 * Presets: complete configurations shipped as data, each proving the engines on a real kind of community.
 * `sheyun gamification preset NAME` and `POST /v1/gamification/presets/{name}` install one as a new version.
 */
import type { GamificationConfigInput } from '../config.ts';
import { CREATOR_ZH_BADGES } from './creator-zh/badges.ts';
import { creatorZhLevels } from './creator-zh/levels.ts';
import { creatorZhPoints } from './creator-zh/points.ts';
import { discourseLevels } from './discourse/levels.ts';
import { discoursePoints } from './discourse/points.ts';
import { STACK_EXCHANGE_BADGES } from './stackexchange/badges.ts';
import { stackExchangeLevels } from './stackexchange/levels.ts';
import { stackExchangePoints } from './stackexchange/points.ts';

export interface Preset {
  name: { en: string; zh: string };
  description: { en: string; zh: string };
  config: GamificationConfigInput;
}

export const PRESETS = {
  stackexchange: {
    name: { en: 'Stack Exchange reputation', zh: 'Stack Exchange 声望' },
    description: {
      en: 'Reputation by the public Stack Exchange rules (votes, accepts, bounties, edits; 200 a UTC day; floor 1), its observable badges, and privileges by reputation.',
      zh: '按 Stack Exchange 公开规则计算声望（投票、采纳、悬赏、编辑；每个 UTC 日上限 200；最低 1），可观测的徽章，以及按声望解锁的权限。',
    },
    config: { preset: 'stackexchange', points: stackExchangePoints, badges: STACK_EXCHANGE_BADGES, levels: stackExchangeLevels },
  },
  discourse: {
    name: { en: 'Discourse trust levels', zh: 'Discourse 信任等级' },
    description: {
      en: "Discourse's trust levels 1–3 with their default requirements (TL3 over 100 days, with hysteresis and a grace period) and the discourse-gamification default points.",
      zh: 'Discourse 信任等级 1–3 及默认要求（TL3 看最近 100 天，带回滞与宽限期），以及 discourse-gamification 插件的默认积分。',
    },
    config: { preset: 'discourse', points: discoursePoints, badges: [], levels: discourseLevels },
  },
  'creator-zh': {
    name: { en: 'Chinese creator community', zh: '中文创作者社区' },
    description: {
      en: 'Points for posting, commenting, likes received, daily check-in and accepted invitations; creator levels with privileges; badges for first posts, streaks and popular posts.',
      zh: '发帖、评论、被点赞、签到、邀请得积分；创作者等级与特权；首帖、连续签到、热门内容等徽章。',
    },
    config: { preset: 'creator-zh', points: creatorZhPoints, badges: CREATOR_ZH_BADGES, levels: creatorZhLevels },
  },
} satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;

export function presetConfig(name: PresetName): GamificationConfigInput {
  return PRESETS[name].config;
}
