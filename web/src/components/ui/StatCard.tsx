/** One headline number with its label, a help tip saying what it counts, and a caption line. */
import type { ReactNode } from 'react';
import { HelpTip } from './HelpTip.tsx';

export function StatCard(props: {
  label: string;
  value: string | null;
  help: string;
  caption?: ReactNode;
  tone?: 'default' | 'ok' | 'warn';
  testId?: string;
}) {
  return (
    <section className={`stat stat--${props.tone ?? 'default'}`} data-testid={props.testId}>
      <div className="stat__label">
        <span>{props.label}</span>
        <HelpTip text={props.help} />
      </div>
      <div className="stat__value" data-testid={props.testId ? `${props.testId}-value` : undefined}>
        {props.value ?? <span className="skeleton skeleton--number" />}
      </div>
      {props.caption && <div className="stat__caption">{props.caption}</div>}
    </section>
  );
}
