/** The signed-in pages, by hash path. */
import { Route, Switch } from 'wouter';
import { ComingSoonPage } from '../features/coming/ComingSoonPage.tsx';
import { MemberPage } from '../features/member/MemberPage.tsx';
import { MembersPage } from '../features/members/MembersPage.tsx';
import { NotFoundPage } from '../features/NotFoundPage.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { SegmentPage } from '../features/segments/SegmentPage.tsx';
import { SegmentsPage } from '../features/segments/SegmentsPage.tsx';
import { ValuePage } from '../features/value/ValuePage.tsx';
import { COMING_PAGES } from './navItems.ts';

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
