/** A titled panel; the title can carry a help tip and the header an action (e.g. a range switch). */
import type { ReactNode } from 'react';
import { HelpTip } from './HelpTip.tsx';

export function Card(props: {
  title?: ReactNode;
  help?: string;
  actions?: ReactNode;
  footer?: ReactNode;
  className?: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <section className={`card ${props.className ?? ''}`} data-testid={props.testId}>
      {(props.title || props.actions) && (
        <header className="card__header">
          <h2 className="card__title">
            {props.title}
            {props.help && <HelpTip text={props.help} align="start" />}
          </h2>
          {props.actions && <div className="card__actions">{props.actions}</div>}
        </header>
      )}
      <div className="card__body">{props.children}</div>
      {props.footer && <footer className="card__footer">{props.footer}</footer>}
    </section>
  );
}
