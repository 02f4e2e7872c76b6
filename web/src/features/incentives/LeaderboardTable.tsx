/** A leaderboard's rows: dense rank (ties marked), member and points, each column explained. */
import { useTranslation } from 'react-i18next';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import type { RankedMemberBody } from './hooks/types.ts';
import { MemberCell } from './MemberCell.tsx';

export function LeaderboardTable({ rows, board }: { rows: readonly RankedMemberBody[]; board: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const category = board.startsWith('category:') ? board.slice('category:'.length) : null;
  return (
    <table className="table inc-board" data-testid="inc-board-table">
      <thead>
        <tr>
          <th className="num inc-board__rank">
            <span className="th-help">
              {t('incentives.board.colRank')}
              <HelpTip text={t('incentives.board.colRankHelp')} align="start" />
            </span>
          </th>
          <th>{t('incentives.board.colMember')}</th>
          <th className="num">
            <span className="th-help">
              {t('incentives.board.colPoints')}
              <HelpTip text={category ? t('incentives.board.colPointsCategoryHelp', { category }) : t('incentives.board.colPointsHelp')} align="end" />
            </span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const tie = rows[i - 1]?.rank === r.rank || rows[i + 1]?.rank === r.rank;
          return (
            <tr key={r.member} data-testid="inc-board-row" data-member={r.member} data-rank={r.rank} data-points={r.points}>
              <td className="num inc-board__rank">
                <span className={`inc-rank${r.rank <= 3 ? ` inc-rank--${r.rank}` : ''}`} data-testid="inc-board-rank">
                  {f.number(r.rank)}
                </span>
                {tie && (
                  <span className="badge inc-tie" title={t('incentives.board.tieHelp')} data-testid="inc-board-tie">
                    {t('incentives.board.tie')}
                  </span>
                )}
              </td>
              <td>
                <MemberCell member={r.member} label={r.label} />
              </td>
              <td className="num inc-board__points" data-testid="inc-board-points">
                {f.number(r.points)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
