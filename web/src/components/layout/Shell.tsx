/** The signed-in frame: sidebar, top bar and the page. */
import type { ReactNode } from 'react';
import { Header } from './Header.tsx';
import { Sidebar } from './Sidebar.tsx';

export function Shell({ children }: { children: ReactNode }) {
  return (
    <div className="shell">
      <Sidebar />
      <div className="shell__main">
        <Header />
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
