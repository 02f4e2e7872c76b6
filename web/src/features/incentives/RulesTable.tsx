/**
 * The points rules as a table an operator can read: what happens (event and conditions), how many points and to
 * whom, the caps, when the rule applies and its category. A field the server refused is marked in its cell.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import type { FieldTarget, RuleColumn, RuleSetView, RuleView } from './model/configView.ts';
import { useIncentiveWords } from './useIncentiveWords.ts';

const COLUMNS: readonly RuleColumn[] = ['rule', 'event', 'points', 'to', 'caps', 'effective', 'category'];

export function RulesTable({ set, target, problem }: { set: RuleSetView; target: FieldTarget | null; problem: string | null }) {
  const { t } = useTranslation();
  const words = useIncentiveWords();
  const byId = new Map(set.rules.map((r) => [r.id, r]));
  const ruleName = (id: string) => {
    const r = byId.get(id);
    return r ? words.name(r.name, id) : id;
  };
  const cell = (r: RuleView, column: RuleColumn): ReactNode => {
    switch (column) {
      case 'rule':
        return (
          <>
            <strong data-testid="inc-rule-name">{words.name(r.name, r.id)}</strong>
            <code className="inc-sub">{r.id}</code>
          </>
        );
      case 'event':
        return (
          <>
            <span className="tags">
              {r.events.map((e) => (
                <code key={e} className="tag">
                  {e}
                </code>
              ))}
            </span>
            {r.where.length > 0 && (
              <ul className="inc-conditions">
                <li className="muted small">{t('incentives.rules.whenAll', { n: r.where.length })}</li>
                {r.where.map((c, i) => (
                  <li key={i}>
                    <code>{words.condition(c)}</code>
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      case 'points':
        return <span className={r.points.kind === 'fixed' && r.points.points < 0 ? 'inc-minus' : undefined}>{words.rulePoints(r, ruleName)}</span>;
      case 'to':
        return words.recipient(r.to);
      case 'caps':
        return <Lines lines={words.caps(r, set)} />;
      case 'effective':
        return <Lines lines={words.effective(r, ruleName)} />;
      case 'category':
        return r.category ? <code className="tag">{r.category}</code> : <span className="muted">{r.points.kind === 'reversal' ? t('incentives.rules.categoryOfReversed') : t('incentives.rules.noCategory')}</span>;
    }
  };
  return (
    <div className="inc-scroll">
      <table className="table table--compact inc-rules" data-testid="inc-rules-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c}>
                <span className="th-help">
                  {t(`incentives.rules.col.${c}`)}
                  <HelpTip text={t(`incentives.rules.colHelp.${c}`)} align={c === 'rule' ? 'start' : c === 'category' ? 'end' : 'center'} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {set.rules.map((r) => {
            const marked = target?.kind === 'rule' && target.index === r.index ? target.column : null;
            return (
              <tr key={`${r.index}:${r.id}`} data-testid="inc-rule-row" data-rule={r.id} className={marked ? 'inc-row--error' : undefined}>
                {COLUMNS.map((c) => (
                  <td key={c} className={`inc-rules__${c}${marked === c ? ' inc-cell--error' : ''}`}>
                    {cell(r, c)}
                    {marked === c && problem && (
                      <div className="field__error" data-testid="inc-rule-error">
                        {problem}
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <ul className="inc-lines">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}
