/** The member's identities per platform, with a verified badge and when each was added. */
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../../../src/api/schemas/index.ts';
import { Icon } from '../../components/icons/Icon.tsx';
import { Card } from '../../components/ui/Card.tsx';
import { EmptyState } from '../../components/ui/EmptyState.tsx';
import { PlatformBadge } from '../../components/ui/PlatformBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function IdentitiesCard({ identities, timeZone }: { identities: readonly Identity[]; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Card title={t('member.identities')} help={t('member.identitiesHelp')} testId="member-identities">
      {identities.length === 0 ? (
        <EmptyState>{t('common.none')}</EmptyState>
      ) : (
        <table className="table table--compact">
          <thead>
            <tr>
              <th>{t('member.colPlatform')}</th>
              <th>{t('member.colKind')}</th>
              <th>{t('member.colValue')}</th>
              <th>{t('member.colVerified')}</th>
              <th className="num">{t('member.colAdded')}</th>
            </tr>
          </thead>
          <tbody>
            {identities.map((i) => (
              <tr key={`${i.platform}|${i.kind}|${i.value}`}>
                <td>
                  <PlatformBadge platform={i.platform} />
                </td>
                <td>{t(`member.kind_${i.kind}`)}</td>
                <td className="break">
                  <code>{i.value}</code>
                </td>
                <td>
                  {i.verified ? (
                    <span className="badge badge--ok">
                      <Icon name="check" size={12} />
                      {t('member.verified')}
                    </span>
                  ) : (
                    <span className="badge">{t('member.unverified')}</span>
                  )}
                </td>
                <td className="num muted">{f.dateTime(i.createdAt, timeZone) ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
