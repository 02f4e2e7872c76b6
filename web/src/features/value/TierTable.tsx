/** A table of tiers: coloured name, the columns that explain the tier, members and share (with a bar), and the total. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { tierColor, useTierLabels, type TierFamily } from './tiers.ts';

export interface TierRow {
  key: string;
  members: number;
  /** One cell per entry of `columns`. */
  cells: ReactNode[];
}

export function TierTable(props: {
  family: TierFamily;
  columns: ReadonlyArray<{ label: string; help?: string }>;
  rows: readonly TierRow[];
  total: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const labels = useTierLabels();
  const sum = props.rows.reduce((s, r) => s + r.members, 0);
  return (
    <table className="table table--compact tier-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th>{t('value.colTier')}</th>
          {props.columns.map((c) => (
            <th key={c.label}>
              <span className="th-help">
                {c.label}
                {c.help && <HelpTip text={c.help} />}
              </span>
            </th>
          ))}
          <th className="num">
            <span className="th-help">
              {t('value.colMembers')}
              <HelpTip text={t('value.colMembersHelp')} align="end" />
            </span>
          </th>
          <th className="tier-table__share">
            <span className="th-help">
              {t('value.colShare')}
              <HelpTip text={t('value.colShareHelp')} align="end" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => {
          const color = tierColor(props.family, r.key);
          const share = props.total > 0 ? r.members / props.total : 0;
          return (
            <tr key={r.key} data-testid="tier-row" data-tier={r.key}>
              <td className="tier-table__name">
                <span className="dot" style={{ background: color }} aria-hidden="true" />
                {labels.tier(props.family, r.key)}
              </td>
              {r.cells.map((c, i) => (
                <td key={i} className="tier-table__detail">
                  {c}
                </td>
              ))}
              <td className="num" data-testid="tier-size">
                {f.number(r.members)}
              </td>
              <td className="tier-table__share">
                <div className="barcell">
                  <span className="barcell__bar" style={{ width: `${share * 100}%`, background: color }} />
                  <span className="barcell__label muted">{f.percent(share)}</span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <td>{t('value.total')}</td>
          {props.columns.map((c) => (
            <td key={c.label} />
          ))}
          <td className="num" data-testid="tier-total">
            {f.number(sum)}
          </td>
          <td className="tier-table__share muted">{props.total > 0 ? f.percent(sum / props.total) : '–'}</td>
        </tr>
      </tfoot>
    </table>
  );
}
