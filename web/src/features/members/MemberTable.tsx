/** Members as a table: name and id (linking to the member page), platforms, events done, last seen. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MemberSummary } from '../../../../src/api/schemas/index.ts';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import { PlatformBadge } from '../../components/ui/PlatformBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function MemberTable({ members, timeZone }: { members: readonly MemberSummary[]; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="member-table">
      <thead>
        <tr>
          <th>{t('members.colName')}</th>
          <th>{t('members.colPlatforms')}</th>
          <th className="num">
            {t('members.colEvents')}
            <HelpTip text={t('members.colEventsHelp')} align="end" />
          </th>
          <th className="num">
            {t('members.colLastSeen')}
            <HelpTip text={t('members.colLastSeenHelp', { tz: timeZone })} align="end" />
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.id}>
            <td>
              <Link href={`/members/${encodeURIComponent(m.id)}`} className="member-link" data-testid="member-link">
                <span className="avatar" aria-hidden="true">
                  {(m.displayName ?? m.id).slice(0, 1).toUpperCase()}
                </span>
                <span>
                  <span className="member-link__name">{m.displayName ?? t('members.unnamed')}</span>
                  <code className="member-link__id">{m.id}</code>
                </span>
              </Link>
            </td>
            <td>
              <div className="tags">
                {m.platforms.map((p) => (
                  <PlatformBadge key={p} platform={p} />
                ))}
              </div>
            </td>
            <td className="num">{f.number(m.eventCount)}</td>
            <td className="num muted">{f.dateTime(m.lastSeen, timeZone) ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
