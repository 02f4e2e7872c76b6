/** The one-line summary of a definition, with words built from the real message catalogues. */
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import type { Messages } from '../../i18n/zh-CN.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { SEGMENT_EXAMPLES } from './examples.ts';
import { COMPARE_OPS, SCORE_NAMES, summarizeDefinition, TIER_NAMES, type SummaryWords } from './summary.ts';
import { oneOf } from '../value/tiers.ts';

function words(m: Messages, locale: string): SummaryWords {
  const s = m.segments.summary;
  const fill = (tpl: string, vars: Record<string, string>) => tpl.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
  const lifecycle = m.value.lifecycle as Record<string, string>;
  const communication = m.value.communication as Record<string, string>;
  const rfm = m.value.rfm as Record<string, string>;
  return {
    and: s.and,
    or: s.or,
    not: s.not,
    exists: s.exists,
    op: (op) => (oneOf(COMPARE_OPS, op) ? s.op[op] : op),
    trait: (path) => fill(s.trait, { path }),
    score: (n) => (oneOf(SCORE_NAMES, n) ? s.score[n] : n),
    tier: (n) => (oneOf(TIER_NAMES, n) ? s.tier[n] : n),
    tierValue: (tier, v) =>
      (tier === 'lifecycle_tier' ? lifecycle[v] : tier === 'communication_tier' ? communication[v] : tier === 'rfm_segment' ? rfm[v] : v) ?? v,
    events: (event, days, role) => fill(role === 'target' ? s.eventTarget : s.eventActor, { event, days: String(days) }),
    money: (minor) => `¥${(minor / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
    number: (n) => n.toLocaleString(locale),
  };
}

const zh = words(zhCN, 'zh-CN');
const english = words(en, 'en-US');

describe('summarizeDefinition', () => {
  it('reads the at-risk example in both languages, money in yuan', () => {
    const atRisk = SEGMENT_EXAMPLES.find((e) => e.id === 'atRisk')!.definition;
    expect(summarizeDefinition(atRisk, zh)).toBe('生命周期层级 = 流失预警 且 终身价值 ≥ ¥500.00');
    expect(summarizeDefinition(atRisk, english)).toBe('Lifecycle tier = Churn warning and Lifetime value ≥ ¥500.00');
  });

  it('names event windows, roles, traits, lists and negation', () => {
    const def = {
      kind: 'or',
      of: [
        { kind: 'event_count', event: 'post_liked', windowDays: 30, op: 'gte', value: 5, role: 'target' },
        {
          kind: 'and',
          of: [
            { kind: 'not', of: { kind: 'trait', path: 'city', op: 'in', value: ['Beijing', 'Shanghai'] } },
            { kind: 'tier', tier: 'rfm_segment', op: 'in', value: ['champions', 'loyal'] },
          ],
        },
        { kind: 'score', score: 'p_alive', op: 'exists' },
      ],
    };
    expect(summarizeDefinition(def, zh)).toBe(
      '近 30 天收到的 post_liked 次数 ≥ 5 或 (非 (属性 city 属于 ["Beijing", "Shanghai"]) 且 RFM 分群 属于 [冠军客户, 忠诚客户]) 或 仍活跃概率 有值',
    );
    expect(summarizeDefinition(def, english)).toBe(
      'post_liked received in the last 30 days ≥ 5 or (not (trait city in ["Beijing", "Shanghai"]) and RFM segment in [Champions, Loyal]) or P(alive) is set',
    );
  });

  it('keeps unknown names and shows what it cannot read as JSON', () => {
    expect(summarizeDefinition({ kind: 'tier', tier: 'rfm_code', op: 'eq', value: '555' }, zh)).toBe('RFM 代码 = 555');
    expect(summarizeDefinition({ kind: 'score', score: 'karma', op: 'gt', value: 3 }, english)).toBe('karma > 3');
    expect(summarizeDefinition({ kind: 'score', score: 'clv', op: 'gte' }, english)).toBe('Lifetime value ≥ ?');
    expect(summarizeDefinition({ kind: 'magic' }, english)).toBe('{"kind":"magic"}');
    expect(summarizeDefinition(42, english)).toBe('42');
  });

  it('stops on a very deep tree instead of recursing on', () => {
    let deep: unknown = { kind: 'score', score: 'clv', op: 'exists' };
    for (let i = 0; i < 10_000; i++) deep = { kind: 'not', of: deep };
    expect(summarizeDefinition(deep, english)).toContain('…');
  });
});
