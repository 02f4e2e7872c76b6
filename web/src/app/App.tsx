/** Root: hash router, react-query, and the gate that sends signed-out users to the login page. */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { Redirect, Route, Router, Switch } from 'wouter';
import { useAdminKey } from '../auth/session.ts';
import { Shell } from '../components/layout/Shell.tsx';
import { LoginPage } from '../features/login/LoginPage.tsx';
import { hashHrefs, useHashPath, useHashSearch } from './hashLocation.ts';
import { Routes } from './Routes.tsx';

function Gate() {
  const key = useAdminKey();
  return (
    <Switch>
      <Route path="/login">
        <LoginPage />
      </Route>
      <Route>
        {key ? (
          <Shell>
            <Routes />
          </Shell>
        ) : (
          <Redirect to="/login" replace />
        )}
      </Route>
    </Switch>
  );
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <Router hook={useHashPath} searchHook={useHashSearch} hrefs={hashHrefs}>
        <Gate />
      </Router>
    </QueryClientProvider>
  );
}
