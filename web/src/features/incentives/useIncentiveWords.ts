/**
 * The incentive configuration in words, in the UI language, for operators who do not read JSON: what a rule pays
 * and to whom, its caps and dates, why a ledger entry was capped, what a badge asks for, what a level requires and
 * how it is lost, and which days a leaderboard period covers. Event and property names stay as they are (codes).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { oneOf } from '../value/tiers.ts';
import { inLanguage, type BadgeView, type ConditionView, type DemotionView, type LevelView, type RequirementView, type RuleSetView, type RuleView } from './model/configView.ts';

const OPS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'exists', 'absent'] as const;
const ROUNDS = ['trunc', 'floor', 'ceil', 'round'] as const;
const RECIPIENTS = ['actor', 'target', 'target_or_actor'] as const;
export const CAP_REASONS = ['rule_day', 'rule_week', 'lifetime', 'daily', 'floor'] as const;
export type CapReason = (typeof CAP_REASONS)[number];

/** The rule id of a member's starting balance entry (not a configured rule). */
export const STARTING_BALANCE_RULE = '$start';

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `[${v.map(show).join(', ')}]` : String(v));

export function useIncentiveWords() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const language = currentLanguage(i18n.language);
  return useMemo(() => {
    const list = (items: readonly string[]) => items.join(language === 'en' ? ', ' : '、');
    const signed = (n: number) => (n > 0 ? `+${f.number(n)}` : f.number(n));
    const name = (b: RuleView['name'], fallback: string) => inLanguage(b, language, fallback);
    const pct = (share: number) => f.percent(share);

    const condition = (c: ConditionView): string => {
      const op = oneOf(OPS, c.op) ? t(`incentives.op.${c.op}`) : c.op;
      return c.op === 'exists' || c.op === 'absent' ? `${c.path} ${op}` : `${c.path} ${op} ${show(c.value)}`;
    };

    const rulePoints = (r: RuleView, ruleName: (id: string) => string): string => {
      const p = r.points;
      switch (p.kind) {
        case 'fixed':
          return t('incentives.words.pointsFixed', { points: signed(p.points) });
        case 'property':
          return t('incentives.words.pointsProperty', {
            property: p.property,
            factor: f.decimal(p.factor, 6),
            round: oneOf(ROUNDS, p.round) ? t(`incentives.round.${p.round}`) : p.round,
          });
        case 'reversal':
          return (
            t('incentives.words.reversal', { rules: list(p.rules.map(ruleName)) }) + (p.item ? t('incentives.words.reversalItem', { item: p.item }) : '')
          );
        case 'none':
          return t('incentives.words.pointsMissing');
      }
    };

    const recipient = (to: string | null): string => (to && oneOf(RECIPIENTS, to) ? t(`incentives.to.${to}`) : (to ?? t('incentives.words.unset')));

    const caps = (r: RuleView, set: RuleSetView | null): string[] => {
      const out: string[] = [];
      if (r.caps.perDay !== null) out.push(t('incentives.words.capPerDay', { n: f.number(r.caps.perDay) }));
      if (r.caps.perWeek !== null) out.push(t('incentives.words.capPerWeek', { n: f.number(r.caps.perWeek) }));
      if (r.caps.lifetime !== null) out.push(t('incentives.words.capLifetime', { n: f.number(r.caps.lifetime) }));
      if (r.points.kind === 'reversal') return [t('incentives.words.reversalCaps')];
      if (out.length === 0) out.push(t('incentives.words.noCaps'));
      if (set?.dailyCap) out.push(set.dailyCap.exempt.includes(r.id) ? t('incentives.words.dailyExempt') : t('incentives.words.dailyCounts'));
      return out;
    };

    const effective = (r: RuleView, ruleName: (id: string) => string): string[] => {
      const e = r.effective;
      const out: string[] = [];
      if (e.from && e.until) out.push(t('incentives.words.effFromUntil', { from: e.from, until: e.until }));
      else if (e.from) out.push(t('incentives.words.effFrom', { from: e.from }));
      else if (e.until) out.push(t('incentives.words.effUntil', { until: e.until }));
      else out.push(t('incentives.words.effAlways'));
      if (e.retroactive) out.push(t('incentives.words.effRetroactive'));
      if (e.replaces) out.push(t('incentives.words.effReplaces', { rule: ruleName(e.replaces) }));
      return out;
    };

    /** The limit behind a capped ledger entry, from the rules in force ('' when the rule is no longer there). */
    const capLimit = (reason: CapReason, rule: RuleView | undefined, set: RuleSetView | null): string => {
      const n = (v: number | null | undefined) => (v === null || v === undefined ? null : f.number(v));
      const limit =
        reason === 'rule_day'
          ? n(rule?.caps.perDay)
          : reason === 'rule_week'
            ? n(rule?.caps.perWeek)
            : reason === 'lifetime'
              ? n(rule?.caps.lifetime)
              : reason === 'daily'
                ? n(set?.dailyCap?.points)
                : n(set?.floor);
      return limit === null ? '' : t(`incentives.cappedLimit.${reason}`, { n: limit });
    };

    const criterion = (b: BadgeView): string => {
      const c = b.criterion;
      const events = list(c.events);
      const within = c.withinDays !== null ? t('incentives.crit.within', { days: f.number(c.withinDays) }) : '';
      const where = c.where > 0 ? t('incentives.crit.where', { n: f.number(c.where) }) : '';
      let text: string;
      switch (c.kind) {
        case 'first':
          text = c.role === 'target' ? t('incentives.crit.firstTarget', { events }) : t('incentives.crit.firstActor', { events });
          break;
        case 'count':
          text = (c.role === 'target' ? t('incentives.crit.countTarget', { events, n: f.number(c.n ?? 0) }) : t('incentives.crit.countActor', { events, n: f.number(c.n ?? 0) })) + within;
          break;
        case 'accepted':
          text = t('incentives.crit.accepted', { events, n: f.number(c.n ?? 1) }) + within;
          break;
        case 'streak':
          text = t('incentives.crit.streak', { events, days: f.number(c.days ?? 0) });
          break;
        case 'content':
          text =
            c.metric?.kind === 'latest'
              ? t('incentives.crit.contentLatest', { item: list(c.itemEvents), property: c.metric.property, atLeast: f.number(c.atLeast ?? 0) })
              : t('incentives.crit.contentSum', { item: list(c.itemEvents), metric: list(c.metric?.events ?? []), atLeast: f.number(c.atLeast ?? 0) });
          if (c.requires.length > 0) text += t('incentives.crit.requires', { events: list(c.requires) });
          break;
        default:
          text = t('incentives.crit.unknown', { kind: c.kind });
      }
      return text + where;
    };

    const multiple = (b: BadgeView): string | null => {
      if (!b.multiple) return null;
      const k = b.criterion.kind;
      return k === 'content' ? t('incentives.crit.multipleContent') : k === 'streak' ? t('incentives.crit.multipleStreak') : t('incentives.crit.multipleCount', { n: f.number(b.criterion.n ?? 1) });
    };

    const requirement = (r: RequirementView): string => {
      if (r.kind === 'points') return r.name ? t('incentives.req.named', { name: name(r.name, ''), bound: `≥ ${f.number(r.min)}` }) : t('incentives.req.points', { min: f.number(r.min) });
      const events = list(r.events);
      let bound: string;
      if (r.kind === 'active_days' && r.share !== null) bound = t('incentives.req.shareOfWindow', { pct: pct(r.share) });
      else if (r.kind === 'count' && r.share !== null)
        bound =
          t('incentives.req.communityShare', { pct: pct(r.share), of: list(r.shareOf) }) + (r.shareCap !== null ? t('incentives.req.communityCap', { cap: f.number(r.shareCap) }) : '');
      else if (r.max !== null) bound = `≤ ${f.number(r.max)}`;
      else bound = `≥ ${f.number(r.min ?? 0)}`;
      if (r.name) return t('incentives.req.named', { name: name(r.name, ''), bound });
      const received = r.role === 'target';
      const what =
        r.kind === 'active_days'
          ? t('incentives.req.whatDays', { events })
          : r.kind === 'distinct'
            ? r.distinctBy?.kind === 'property'
              ? t('incentives.req.whatDistinctProperty', { events, property: r.distinctBy.name })
              : t('incentives.req.whatDistinctMembers', { events })
            : r.sum
              ? t('incentives.req.whatSum', { events, property: r.sum })
              : received
                ? t('incentives.req.whatReceived', { events })
                : t('incentives.req.whatCount', { events });
      const window = r.windowDays !== null ? t('incentives.req.window', { days: f.number(r.windowDays) }) : t('incentives.req.allTime');
      return t('incentives.req.derived', { what, window, bound }) + (r.othersOnly ? t('incentives.req.othersOnly') : '');
    };

    const demotion = (d: DemotionView): string =>
      d.kind === 'hysteresis'
        ? t('incentives.demotion.hysteresis', { keep: pct(d.keepShare), grace: f.number(d.graceDays) })
        : t(`incentives.demotion.${d.kind}`);

    const levelName = (l: LevelView | undefined, id: string | null): string => (l ? name(l.name, l.id) : (id ?? t('incentives.member.noLevel')));

    return { language, list, signed, name, condition, rulePoints, recipient, caps, effective, capLimit, criterion, multiple, requirement, demotion, levelName };
  }, [t, f, language]);
}

export type IncentiveWords = ReturnType<typeof useIncentiveWords>;
