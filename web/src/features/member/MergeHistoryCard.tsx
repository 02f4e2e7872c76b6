/** Merges and unmerges that shaped this profile, newest first. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { MemberProfile } from '../../../../src/api/schemas/index.ts';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function MergeHistoryCard({ merges, timeZone }: { merges: MemberProfile['merges']; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = [...merges].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card title={t('member.merges')} help={t('member.mergesHelp')} testId="member-merges">
      {rows.length === 0 ? (
        <EmptyState>{t('member.noMerges')}</EmptyState>
      ) : (
        <ol className="merges">
          {rows.map((m, i) => (
            <li key={`${m.at}|${m.otherMemberId}|${i}`} className="merges__item">
              <div>
                <span className={`badge ${m.kind === 'merge' ? 'badge--info' : 'badge--warn'}`}>
                  {m.kind === 'merge' ? t('member.mergeMerge') : t('member.mergeUnmerge')}
                </span>{' '}
                <span>
                  {t('member.mergeWith')}{' '}
                  <Link href={`/members/${encodeURIComponent(m.otherMemberId)}`}>
                    <code>{m.otherMemberId}</code>
                  </Link>
                </span>
              </div>
              <div className="muted small">
                {f.dateTime(m.at, timeZone)} · {m.reason}
                {m.identity &&
                  ` · ${t('member.mergeVia', {
                    platform: m.identity.platform,
                    kind: t(`member.kind_${m.identity.kind}`),
                    value: m.identity.value,
                  })}`}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
