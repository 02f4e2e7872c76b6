/** Model parameters as a definition list: symbol, help saying what it means, value. */
import type { ReactNode } from 'react';
import { HelpTip } from '../../components/ui/HelpTip.tsx';

export interface Param {
  key: string;
  label: ReactNode;
  help: string;
  value: ReactNode;
}

export function ParamList({ params, testId }: { params: readonly Param[]; testId?: string }) {
  return (
    <dl className="kv params" data-testid={testId}>
      {params.map((p) => (
        <div key={p.key} className="kv__row" data-testid={`param-${p.key}`}>
          <dt>
            <span className="th-help">
              {p.label}
              <HelpTip text={p.help} align="start" />
            </span>
          </dt>
          <dd className="num">{p.value}</dd>
        </div>
      ))}
    </dl>
  );
}
