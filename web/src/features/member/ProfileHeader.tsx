/** Name, id, platforms and the member's key dates and counts, each explained. */
import { useTranslation } from 'react-i18next';
import type { MemberProfile } from '../../../../src/api/schemas/index.ts';
import { Fact } from '../../components/ui/Fact.tsx';
import { PlatformBadge } from '../../components/ui/PlatformBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';

export function ProfileHeader({ profile, timeZone }: { profile: MemberProfile; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const name = profile.displayName ?? t('members.unnamed');
  return (
    <section className="card profile" data-testid="member-profile">
      <div className="profile__who">
        <span className="avatar avatar--large" aria-hidden="true">
          {name.slice(0, 1).toUpperCase()}
        </span>
        <div>
          <h1 className="profile__name" data-testid="member-name">
            {name}
          </h1>
          <div className="profile__meta">
            <code>{profile.id}</code>
            {profile.platforms.map((p) => (
              <PlatformBadge key={p} platform={p} />
            ))}
          </div>
        </div>
      </div>
      <div className="profile__facts">
        <Fact
          label={t('member.firstSeen')}
          value={f.dateTime(profile.firstSeen, timeZone) ?? '–'}
          help={t('common.timesIn', { tz: timeZone })}
        />
        <Fact
          label={t('member.lastSeen')}
          value={f.dateTime(profile.lastSeen, timeZone) ?? '–'}
          help={t('common.timesIn', { tz: timeZone })}
        />
        <Fact
          testId="member-event-count"
          label={t('member.eventCount')}
          value={f.number(profile.eventCount)}
          help={t('member.eventCountHelp')}
        />
        <Fact label={t('member.targetCount')} value={f.number(profile.targetCount)} help={t('member.targetCountHelp')} align="end" />
      </div>
    </section>
  );
}
