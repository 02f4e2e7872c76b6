/** The signed-in pages, by hash path. The incentives pages load on first visit (their own chunk). */
import { lazy, Suspense, type ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import { LoadingState } from '../components/ui/LoadingState.tsx';
import { ComingSoonPage } from '../features/coming/ComingSoonPage.tsx';
import { MemberPage } from '../features/member/MemberPage.tsx';
import { MembersPage } from '../features/members/MembersPage.tsx';
import { NotFoundPage } from '../features/NotFoundPage.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { SegmentPage } from '../features/segments/SegmentPage.tsx';
import { SegmentsPage } from '../features/segments/SegmentsPage.tsx';
import { ValuePage } from '../features/value/ValuePage.tsx';
import { COMING_PAGES } from './navItems.ts';

const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const IncentivesOverviewPage = page(() => import('../features/incentives/IncentivesOverviewPage.tsx'), 'IncentivesOverviewPage');
const RulesPage = page(() => import('../features/incentives/RulesPage.tsx'), 'RulesPage');
const CataloguePage = page(() => import('../features/incentives/CataloguePage.tsx'), 'CataloguePage');
const LeaderboardsPage = page(() => import('../features/incentives/LeaderboardsPage.tsx'), 'LeaderboardsPage');
const PayoutsPage = page(() => import('../features/incentives/PayoutsPage.tsx'), 'PayoutsPage');

export function Routes() {
  return (
    <Switch>
      <Route path="/">
        <OverviewPage />
      </Route>
      <Route path="/members">
        <MembersPage />
      </Route>
      <Route path="/members/:id">
        {(params) => <MemberPage key={params.id} id={decodeURIComponent(params.id)} />}
      </Route>
      <Route path="/value">
        <ValuePage />
      </Route>
      <Route path="/segments">
        <SegmentsPage />
      </Route>
      <Route path="/segments/:key">
        {(params) => <SegmentPage key={params.key} segmentKey={decodeURIComponent(params.key)} />}
      </Route>
      <Route path="/incentives">
        <Suspense fallback={<LoadingState rows={6} />}>
          <IncentivesOverviewPage />
        </Suspense>
      </Route>
      <Route path="/incentives/rules">
        <Suspense fallback={<LoadingState rows={6} />}>
          <RulesPage />
        </Suspense>
      </Route>
      <Route path="/incentives/badges">
        <Suspense fallback={<LoadingState rows={6} />}>
          <CataloguePage />
        </Suspense>
      </Route>
      <Route path="/incentives/leaderboards">
        <Suspense fallback={<LoadingState rows={6} />}>
          <LeaderboardsPage />
        </Suspense>
      </Route>
      <Route path="/incentives/payouts">
        <Suspense fallback={<LoadingState rows={6} />}>
          <PayoutsPage />
        </Suspense>
      </Route>
      {COMING_PAGES.map((p) => (
        <Route key={p} path={`/${p}`}>
          <ComingSoonPage page={p} />
        </Route>
      ))}
      <Route>
        <NotFoundPage />
      </Route>
    </Switch>
  );
}
