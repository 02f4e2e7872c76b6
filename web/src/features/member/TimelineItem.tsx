/** One event in a member's timeline: name, role, time, platform, the other member, and its text. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { TimelineEvent } from '../../../../src/api/schemas/index.ts';
import { PlatformBadge } from '../../components/ui/PlatformBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { eventText } from './eventText.ts';

function MemberRef({ id }: { id: string }) {
  return (
    <Link href={`/members/${encodeURIComponent(id)}`}>
      <code>{id}</code>
    </Link>
  );
}

export function TimelineItem({ event, timeZone }: { event: TimelineEvent; timeZone: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { title, body, extras } = eventText(event.properties);
  const other = event.role === 'actor' ? event.targetId : event.actorId;
  return (
    <li className={`timeline__item timeline__item--${event.role}`} data-testid="timeline-event">
      <span className="timeline__dot" aria-hidden="true" />
      <div className="timeline__head">
        <code className="timeline__name" data-testid="timeline-event-name">
          {event.name}
        </code>
        <span className={`badge ${event.role === 'actor' ? 'badge--info' : 'badge--warn'}`}>
          {event.role === 'actor' ? t('member.roleActor') : t('member.roleTarget')}
        </span>
        <PlatformBadge platform={event.platform} />
        {other && (
          <span className="muted small">
            {event.role === 'actor' ? t('member.about') : t('member.by')}{' '}
            <MemberRef id={other} />
          </span>
        )}
        <time className="timeline__time" dateTime={event.timestamp}>
          {f.dateTime(event.timestamp, timeZone)}
        </time>
      </div>
      {(title || body) && (
        <div className="timeline__text">
          {title && <div className="timeline__title">{title}</div>}
          {body && <div className="timeline__body">{body}</div>}
        </div>
      )}
      {extras.length > 0 && (
        <div className="timeline__props">
          {extras.map(([k, v]) => (
            <span key={k} className="prop">
              <span className="prop__key">{k}</span>
              <span className="prop__value">{v}</span>
            </span>
          ))}
        </div>
      )}
    </li>
  );
}
