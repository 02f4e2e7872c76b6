/** One member: profile header, three-degree model, incentives, identities, timeline, traits, event counts and merge history. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Icon } from '../../components/icons/Icon.tsx';
import { ErrorState } from '../../components/ui/ErrorState.tsx';
import { LoadingState } from '../../components/ui/LoadingState.tsx';
import { useMemberQuery } from '../../hooks/useMemberQuery.ts';
import { useWorkspace } from '../../hooks/useWorkspace.ts';
import { MemberIncentivesCard } from '../incentives/MemberIncentivesCard.tsx';
import { EventCountsCard } from './EventCountsCard.tsx';
import { IdentitiesCard } from './IdentitiesCard.tsx';
import { MergeHistoryCard } from './MergeHistoryCard.tsx';
import { ProfileHeader } from './ProfileHeader.tsx';
import { ThreeDegreeCard } from './ThreeDegreeCard.tsx';
import { TimelineCard } from './TimelineCard.tsx';
import { TraitsCard } from './TraitsCard.tsx';

export function MemberPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { timeZone } = useWorkspace();
  const q = useMemberQuery(id);
  const profile = q.data;
  return (
    <div className="page" data-testid="member-page">
      <Link href="/members" className="backlink">
        <Icon name="back" size={16} />
        {t('member.back')}
      </Link>
      {q.isError && !profile ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : !profile ? (
        <LoadingState rows={6} />
      ) : (
        <>
          {profile.redirectedFrom && (
            <div className="notice" role="status" data-testid="member-redirected">
              {t('member.redirected', { from: profile.redirectedFrom })}
            </div>
          )}
          <ProfileHeader profile={profile} timeZone={timeZone} />
          <ThreeDegreeCard memberId={profile.id} />
          <MemberIncentivesCard memberId={profile.id} timeZone={timeZone} />
          <div className="grid grid--member">
            <div className="stack">
              <IdentitiesCard identities={profile.identities} timeZone={timeZone} />
              <TimelineCard memberId={profile.id} timeZone={timeZone} />
            </div>
            <div className="stack">
              <TraitsCard traits={profile.traits} />
              <EventCountsCard counts={profile.eventsByName} />
              <MergeHistoryCard merges={profile.merges} timeZone={timeZone} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
