/** A quiet message for "nothing here yet". */
import type { ReactNode } from 'react';

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="state state--empty" data-testid="empty-state">
      {children}
    </div>
  );
}
