/** A small labelled value with an optional help tip (profile facts, model parameters, CLV summary). */
import type { ReactNode } from 'react';
import { HelpTip } from './HelpTip.tsx';

export function Fact(props: { label: ReactNode; value: ReactNode; help?: string; testId?: string; align?: 'center' | 'start' | 'end' }) {
  return (
    <div className="fact" data-testid={props.testId}>
      <div className="fact__label">
        {props.label}
        {props.help && <HelpTip text={props.help} align={props.align} />}
      </div>
      <div className="fact__value" data-testid={props.testId ? `${props.testId}-value` : undefined}>
        {props.value}
      </div>
    </div>
  );
}
